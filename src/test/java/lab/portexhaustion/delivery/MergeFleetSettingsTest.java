package lab.portexhaustion.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.process.TimedProcess;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The collector's settings (docker/harness-bin/merge-fleet, set in deploy/kubernetes/40-collector-pod.yaml): a value that
 * is not a whole number is refused in one line naming it, with the setup mistake's code, before the collector waits,
 * merges or writes anything. Before, bash's test failed on it ("integer expression expected"), the wait ended at once and
 * the collector merged what it found, or nothing.
 */
class MergeFleetSettingsTest {

  @TempDir
  Path results;

  @ParameterizedTest
  @CsvSource({
      "EXPECTED_CLIENTS, four, 0, 0",
      "EXPECTED_CLIENTS, 0, 0, 0",
      "EXPECTED_CLIENTS, -2, 0, 0",
      "WAIT_SECONDS, 4, -1, 0",
      "WAIT_SECONDS, 4, 1h, 0",
      "KEEP_SECONDS, 4, 0, soon",
  })
  void aSettingThatIsNotAWholeNumberIsRefusedBeforeAnyWait(String setting, String expected, String wait, String keep)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder(Path.of("docker/harness-bin/merge-fleet").toAbsolutePath().toString())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(Map.of("EXPECTED_CLIENTS", expected, "WAIT_SECONDS", wait, "KEEP_SECONDS", keep,
        "RESULTS", results.toString()));
    TimedProcess.Result run = TimedProcess.run(builder, Duration.ofSeconds(30));

    String value = Map.of("EXPECTED_CLIENTS", expected, "WAIT_SECONDS", wait, "KEEP_SECONDS", keep).get(setting);
    assertThat(run.exitCode()).as(run.output() + run.errors()).isEqualTo(ProcessExit.Code.SETUP_FAILED.status());
    assertThat((run.output() + run.errors()).strip()).startsWith("merge-fleet: " + setting + " '" + value + "' must be a whole number")
        .hasLineCount(1);
    try (var left = Files.list(results)) {
      assertThat(left).as("nothing written in RESULTS").isEmpty();
    }
  }
}
