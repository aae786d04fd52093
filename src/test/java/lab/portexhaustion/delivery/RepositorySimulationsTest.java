package lab.portexhaustion.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * This repository's own simulations (the top-level simulations/ folder, compiled with the tests) are held to the DSL as
 * a user's are ({@link ExampleProjectTest}): docs/architecture.md's "simulations/ ... use only dsl".
 */
class RepositorySimulationsTest {

  private static final Path SOURCES = Path.of("simulations");

  @Test
  void theSimulationsReachNoHarnessClassOutsideTheDsl() throws Exception {
    List<String> names = simulationNames();
    JavaClasses compiled = compiled(names);

    assertThat(names).as("the simulations/ folder was found").contains("PooledSimulation", "idle.KeepAliveSimulation",
        "fleet.PoolStormSimulation", "examples.SessionStoreSimulation");
    assertThat(compiled.stream().map(JavaClass::getName)).as("each compiled").containsAll(names);
    ExampleProjectTest.ONLY_THE_DSL.check(compiled);
  }

  /**
   * The same check fails, naming the class, on a simulation that reaches past the DSL. A fixture of that kind among the
   * test sources would be a simulation Gatling can run, so this takes one there is a reason for: the bench's, which
   * states its scenario itself (config.Scenario) and is not among simulations/.
   */
  @Test
  void aSimulationThatReachesPastTheDslFailsTheCheckWithItsName() throws Exception {
    JavaClasses bench = compiled(List.of("lab.portexhaustion.bench.HarnessThroughputSimulation"));

    assertThatThrownBy(() -> ExampleProjectTest.ONLY_THE_DSL.check(bench)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("lab.portexhaustion.bench.HarnessThroughputSimulation")
        .hasMessageContaining("lab.portexhaustion.config.Scenario");
  }

  /** The class names the sources under simulations/ compile to: their paths there, with dots. */
  private static List<String> simulationNames() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(f -> f.toString().endsWith(".java"))
          .map(f -> SOURCES.relativize(f).toString().replace(".java", "").replace(f.getFileSystem().getSeparator(), "."))
          .sorted().toList();
    }
  }

  /** The compiled classes of {@code names}, their nested and anonymous classes with them. */
  private static JavaClasses compiled(List<String> names) throws IOException, URISyntaxException {
    Path testClasses = Path.of(RepositorySimulationsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Path> classFiles = new ArrayList<>();
    for (String name : names) {
      Path file = testClasses.resolve(name.replace('.', '/') + ".class");
      String nested = file.getFileName().toString().replace(".class", "$");
      try (Stream<Path> siblings = Files.list(file.getParent())) {
        siblings.filter(f -> f.equals(file) || f.getFileName().toString().startsWith(nested)).forEach(classFiles::add);
      }
    }
    return new ClassFileImporter().importPaths(classFiles);
  }
}
