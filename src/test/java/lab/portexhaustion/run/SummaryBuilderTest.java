package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import lab.portexhaustion.record.RecordJson;
import lab.portexhaustion.record.RunSummary;
import org.junit.jupiter.api.Test;

/** The run's summary as the console gives it, from a summary the harness recorded. */
class SummaryBuilderTest {

  /**
   * The server process's own peak beside its limits: what a server-limited scenario models, which the console gave
   * only in the files (a recorded client-per-request run against the embedded server, its peak 180 descriptors).
   */
  @Test
  void theConnectionsLineGivesTheServerProcesssPeakBesideItsLimits() throws Exception {
    RunSummary recorded = RecordJson.reader().readValue(
        Path.of(getClass().getResource("/fixtures/run/clientperrequestsimulation/harness/summary.json").toURI()).toFile(),
        RunSummary.class);

    assertThat(SummaryBuilder.consoleText(recorded).lines().filter(line -> line.startsWith("connections:")))
        .containsExactly("connections: peak 3 open toward the target; peak 221 of 20,000 descriptors open; server: peak 180"
            + " descriptors open, no connection limit, no idle timeout");
  }
}
