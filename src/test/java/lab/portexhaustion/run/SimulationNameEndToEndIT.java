package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import lab.portexhaustion.process.ProcessExit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulation in a sub-folder run by its bare name, or no name at all, in a real mvn gatling:test: one paragraph (with the
 * full name meant), before Gatling's JVM is forked, exit code 3, no stack trace.
 */
class SimulationNameEndToEndIT {

  @TempDir
  Path dir;

  @Test
  void aBareNameIsAnsweredWithTheFullNameBeforeAnyJvmIsForked() throws Exception {
    Path results = dir.resolve("results");

    MavenGatlingRun.Result run = gatlingTest("KeepAliveSimulation", results);

    assertThat(run.exitCode()).as(run.output()).isEqualTo(ProcessExit.Code.SETUP_FAILED.status());
    assertThat(run.output()).contains("no simulation KeepAliveSimulation; did you mean idle.KeepAliveSimulation?")
        .doesNotContain("ClassNotFoundException", "\tat ", "Running simulation");
    assertNothingStarted(run, results);
  }

  /** An empty name (a CI variable left empty), which Maven passes on as no value: refused, where Gatling crashed. */
  @Test
  void anEmptyNameIsRefusedBeforeAnyJvmIsForked() throws Exception {
    Path results = dir.resolve("results-empty");

    MavenGatlingRun.Result run = gatlingTest("", results);

    assertThat(run.exitCode()).as(run.output()).isEqualTo(ProcessExit.Code.SETUP_FAILED.status());
    assertThat(run.output()).contains("=== Gatling did not start; no load was sent ===",
            "Setting '-Dgatling.simulationClass' is empty")
        .doesNotContain("Missing simulation class", "\tat ", "Running simulation");
    assertNothingStarted(run, results);
  }

  /** mvn gatling:test with {@code -Dgatling.simulationClass=<name>}, writing to {@code results}. */
  private MavenGatlingRun.Result gatlingTest(String name, Path results) throws Exception {
    return MavenGatlingRun.run(Map.of(), results.resolveSibling(results.getFileName() + "-mvn.log"), Duration.ofMinutes(4),
        "-Dgatling.simulationClass=" + name, "-Dgatling.resultsFolder=" + results);
  }

  private static void assertNothingStarted(MavenGatlingRun.Result run, Path results) throws Exception {
    assertThat(run.gatlingJvms()).as("Gatling's JVM; %s", run.seen()).isEmpty();
    if (Files.exists(results)) {
      try (Stream<Path> left = Files.list(results)) {
        assertThat(left).as("files left in results/").isEmpty();
      }
    }
  }
}
