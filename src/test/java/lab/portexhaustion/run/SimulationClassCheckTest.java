package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulation name check against the simulations compiled from simulations/ (this build's test classes). */
class SimulationClassCheckTest {

  private static Path compiledSimulations;
  private static final ClassLoader LOADER = SimulationClassCheckTest.class.getClassLoader();

  @BeforeAll
  static void findTheCompiledSimulations() throws Exception {
    compiledSimulations = Path.of(Class.forName("idle.KeepAliveSimulation").getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void aBareNameOfASimulationInASubFolderGetsItsFullName() {
    assertThat(SimulationClassCheck.problem("KeepAliveSimulation", compiledSimulations, LOADER))
        .hasValueSatisfying(p -> assertThat(p).startsWith("no simulation KeepAliveSimulation; did you mean idle.KeepAliveSimulation?")
            .contains("full name"));
  }

  @Test
  void aTypoGetsTheNearestName() {
    assertThat(SimulationClassCheck.problem("PooledSimulaton", compiledSimulations, LOADER))
        .hasValueSatisfying(p -> assertThat(p).startsWith("no simulation PooledSimulaton; did you mean PooledSimulation?"));
    assertThat(SimulationClassCheck.problem("fleet.PoolStromSimulation", compiledSimulations, LOADER))
        .hasValueSatisfying(p -> assertThat(p).contains("did you mean fleet.PoolStormSimulation?"));
  }

  @Test
  void aNameLikeNoneListsTheSimulationsButNotTheProjectsOwnTestOnes() {
    assertThat(SimulationClassCheck.problem("OrdersSimulation", compiledSimulations, LOADER))
        .hasValueSatisfying(p -> assertThat(p).contains("The simulations are ClientPerRequestSimulation, PooledSimulation,",
            "idle.KeepAliveSimulation").doesNotContain("did you mean", "lab.portexhaustion."));
  }

  @Test
  void aClassThatIsNoSimulationIsSaidToBeOne() {
    assertThat(SimulationClassCheck.problem(HarnessRun.class.getName(), compiledSimulations, LOADER))
        .hasValueSatisfying(p -> assertThat(p).contains("is a class but no simulation"));
  }

  @Test
  void aSimulationsFullNamePasses() {
    assertThat(SimulationClassCheck.problem("idle.KeepAliveSimulation", compiledSimulations, LOADER)).isEmpty();
    assertThat(SimulationClassCheck.problem("PooledSimulation", compiledSimulations, LOADER)).isEmpty();
  }

  @Test
  void noCompiledSimulationsIsSaid(@TempDir Path empty) {
    assertThat(SimulationClassCheck.problem("OrdersSimulation", empty, LOADER))
        .hasValueSatisfying(p -> assertThat(p).contains("no simulation is compiled in " + empty));
  }
}
