package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lab.portexhaustion.process.ProcessExit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed expectation ends the simulation's JVM with Gatling's "assertions failed" code, after the report is written.
 * Aborted where this machine could not keep up with the run ({@link CouldNotKeepUp}): there is then no FAIL to check.
 */
class FailedVerdictEndToEndIT {

  @TempDir
  Path results;

  @Test
  void aPooledRunExpectedToExhaustFailsWithExitCodeTwoAndKeepsItsReport() throws Exception {
    GatlingProcess.Result result = GatlingProcess.run("PooledSimulation", results, 180, "target=embedded",
        "load.peakRate=20", "load.rampTime=1s", "load.holdTime=2s", "verdict.enabled=on", "verdict.pooled=exhaustion");
    CouldNotKeepUp.abortIfTheOnlyProblem(result, results);

    assertThat(result.exitCode()).as(result.output()).isEqualTo(ProcessExit.Code.VERDICT_FAILED.status());
    assertThat(result.output())
        .contains("VERDICT FAIL PooledSimulation: expected exhaustion (fixed: verdict.pooled=exhaustion; the model predicts clean")
        .contains("got no exhaustion");
    try (Stream<Path> folders = Files.list(results)) {
      List<Path> runs = folders.toList();
      assertThat(runs).singleElement().satisfies(run -> {
        assertThat(run.resolve("index.html")).exists();
        assertThat(run.resolve("harness/summary.json")).content().contains("\"passed\" : false");
      });
    }
  }
}
