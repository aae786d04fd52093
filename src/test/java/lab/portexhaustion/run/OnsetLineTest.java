package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Optional;
import lab.portexhaustion.onset.OnsetRecord;
import lab.portexhaustion.record.RecordJson;
import org.junit.jupiter.api.Test;

/**
 * The onset's console line says each count in words that fit it: a server that refuses the first request's connection
 * meets the onset "after 1 request", which the line gave as "after 1 requests". From the onset a recorded
 * client-per-request run kept in its summary.json (after 333 requests, 1000 of 1000 ports).
 */
class OnsetLineTest {

  @Test
  void anOnsetAtTheFirstRequestIsAfterOneRequest() throws Exception {
    String line = OnsetCapture.line(recordedOnset("requestsStarted", 1), Optional.empty(), Optional.empty());

    assertThat(line).contains("[ephemeral ports] after 1 request; 1000 of 1000 ports in use toward the target")
        .doesNotContain("1 requests");
  }

  @Test
  void aRangeOfOnePortIsOnePort() throws Exception {
    OnsetRecord onset = recordedOnset("rangeSize", 1);

    assertThat(OnsetCapture.line(onset, Optional.empty(), Optional.empty())).contains("after 333 requests; 1000 of 1 port in use");
  }

  @Test
  void otherCountsStayPlural() throws Exception {
    String line = OnsetCapture.line(recordedOnset("requestsStarted", 333), Optional.empty(), Optional.empty());

    assertThat(line).startsWith(">>> exhaustion onset after 11.3 s (seen by the driver monitor; the client ran out): EADDRNOTAVAIL"
        + " Cannot assign requested address [ephemeral ports] after 333 requests; 1000 of 1000 ports in use toward the target"
        + " (100.0 %), 1000 in TIME_WAIT; 216 of 20000 descriptors open; arrival rate 59 visits/s; the model predicted nothing");
  }

  /** The recorded run's onset with its {@code field} set to {@code value}. */
  private OnsetRecord recordedOnset(String field, long value) throws Exception {
    Path summary = Path.of(getClass().getResource("/fixtures/run/clientperrequestsimulation/harness/summary.json").toURI());
    ObjectNode onset = (ObjectNode) new ObjectMapper().readTree(summary.toFile()).get("onset");
    onset.put(field, value);
    return RecordJson.reader().treeToValue(onset, OnsetRecord.class);
  }
}
