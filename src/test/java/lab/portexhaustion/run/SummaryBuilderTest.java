package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    RunSummary recorded = RecordJson.reader().readValue(recordedSummary().toFile(), RunSummary.class);

    assertThat(SummaryBuilder.consoleText(recorded).lines().filter(line -> line.startsWith("connections:")))
        .containsExactly("connections: peak 3 open toward the target; peak 221 of 20,000 descriptors open; server: peak 180"
            + " descriptors open, no connection limit, no idle timeout");
  }

  @Test
  void theConnectionsOpenedLineGivesThePortsEachConnectionHeld() throws Exception {
    RunSummary recorded = RecordJson.reader().readValue(recordedSummary().toFile(), RunSummary.class);

    assertThat(SummaryBuilder.consoleText(recorded).lines().filter(line -> line.startsWith("connections opened:")))
        .containsExactly("connections opened: 682, peak 109.2 per s, 2.05 per visit, 1.46 ports per connection");
  }

  /** Where the model counts the server's connection slots, a figure of connections per connection says nothing. */
  @Test
  void theConnectionsOpenedLineLeavesOutConnectionsPerConnection() throws Exception {
    ObjectNode summary = (ObjectNode) new ObjectMapper().readTree(recordedSummary().toFile());
    ((ObjectNode) summary.get("connectionsOpened")).put("unit", "connection").put("unitsPerConnection", 1.0);
    RunSummary recorded = RecordJson.reader().treeToValue(summary, RunSummary.class);

    assertThat(SummaryBuilder.consoleText(recorded).lines().filter(line -> line.startsWith("connections opened:")))
        .containsExactly("connections opened: 682, peak 109.2 per s, 2.05 per visit");
  }

  private Path recordedSummary() throws Exception {
    return Path.of(getClass().getResource("/fixtures/run/clientperrequestsimulation/harness/summary.json").toURI());
  }
}
