package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Optional;
import lab.portexhaustion.onset.OnsetRecord;
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

  /** A run whose onset came at its first request ended "after 1 request", where it said "after 1 requests". */
  @Test
  void anOnsetAtTheFirstRequestEndsTheSummaryAfterOneRequest() throws Exception {
    RunSummary recorded = RecordJson.reader().readValue(recordedSummary().toFile(), RunSummary.class);
    ObjectNode onset = (ObjectNode) new ObjectMapper().readTree(recordedSummary().toFile()).get("onset");
    OnsetRecord first = RecordJson.reader().treeToValue(onset.put("requestsStarted", 1), OnsetRecord.class);

    assertThat(SummaryBuilder.outcome(Optional.of(first), recorded.ports().peaks(), 1_000))
        .isEqualTo("exhaustion: EADDRNOTAVAIL Cannot assign requested address after 1 request");
    assertThat(SummaryBuilder.outcome(recorded.onset(), recorded.ports().peaks(), 1_000))
        .isEqualTo("exhaustion: EADDRNOTAVAIL Cannot assign requested address after 333 requests");
    assertThat(SummaryBuilder.outcome(Optional.empty(), recorded.ports().peaks(), 1)).endsWith("% of 1 port)");
  }

  /** One request still running at the end is one request that was, where the line said "1 requests were". */
  @Test
  void oneRequestLeftRunningIsSaidInTheSingular() throws Exception {
    ObjectNode summary = (ObjectNode) new ObjectMapper().readTree(recordedSummary().toFile());
    ((ObjectNode) summary.get("requests")).put("leftInFlight", 1);
    RunSummary oneLeft = RecordJson.reader().treeToValue(summary, RunSummary.class);
    RunSummary recorded = RecordJson.reader().readValue(recordedSummary().toFile(), RunSummary.class);

    assertThat(SummaryBuilder.consoleText(oneLeft)).contains("\n1 request was still running when the run ended");
    assertThat(SummaryBuilder.consoleText(recorded)).contains("\n155 requests were still running when the run ended");
  }

  private Path recordedSummary() throws Exception {
    return Path.of(getClass().getResource("/fixtures/run/clientperrequestsimulation/harness/summary.json").toURI());
  }
}
