package lab.portexhaustion.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lab.portexhaustion.record.RecordJson;
import lab.portexhaustion.record.RunSummary;
import lab.portexhaustion.verdict.FleetVerdict;
import lab.portexhaustion.verdict.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The fleet among merged runs as their summary.json files record it: which runs are its clients, which were refused,
 * and whose evidence was not whole.
 */
class MergedFleetTest {

  private static final Instant START = Instant.parse("2026-12-01T12:00:00Z");

  /**
   * A pool-storm client's summary.json, as much of it as the fleet verdict reads: client 1 has the server's limit from its
   * probe; a client with an onset met it on {@code side}, {@code onsetAt} seconds after {@code fleetStart}.
   */
  private static RunResults client(Instant fleetStart, int client, String side, double onsetAt) throws Exception {
    return client(fleetStart, client, side, onsetAt, "[]");
  }

  /** The same, with its verdict's evidence problems ({@code problems}, a JSON array). */
  private static RunResults client(Instant fleetStart, int client, String side, double onsetAt, String problems) throws Exception {
    String onset = side == null ? "null" : String.format("{\"at\": \"%s\", \"side\": \"%s\", \"kind\": \"server refused\"}",
        fleetStart.plusMillis(Math.round(onsetAt * 1000)), side);
    String json = String.format("""
        {"simulation": "PoolStormSimulation", "startedAt": "%s",
         "target": {"kind": "uri", "connectionLimit": %s, "connectionsInUse": %s},
         "prediction": {"resource": "server connection slots", "atStart": 22, "perRequest": 0.0, "holdSeconds": null},
         "onset": %s,
         "verdict": {"simulation": "PoolStormSimulation", "checked": true, "passed": %b, "line": "VERDICT ...",
                     "evidenceProblems": %s},
         "fleet": {"client": %d, "clients": 4, "start": "%s", "joinIntervalSeconds": 6.0}}""",
        fleetStart.plusMillis((client - 1) * 6_000L + 400), client == 1 ? "77" : "null", client == 1 ? "0" : "null", onset,
        problems.equals("[]"), problems, client, fleetStart);
    RunSummary summary = RecordJson.reader().readValue(json, RunSummary.class);
    return new RunResults(Path.of("client-" + client), summary, null, List.of(), List.of());
  }

  private static List<RunResults> storm(int... clients) throws Exception {
    List<RunResults> runs = new ArrayList<>();
    for (int client : clients) {
      runs.add(client == 4 ? client(START, 4, "server", 18.5) : client(START, client, null, 0));
    }
    return runs;
  }

  @Test
  void theFleetsClientsAreJudgedOnItsTimelineByTheServersRefusals() throws Exception {
    List<RunResults> runs = storm(1, 2, 4);
    runs.add(client(START, 3, "client", 15.0)); // ran out of its own ports: not a refusal
    runs.add(client(START.plusSeconds(3600), 2, "server", 1.0)); // a client of another fleet, merged by mistake

    FleetVerdict verdict = MergedFleet.verdict(runs).orElseThrow();

    assertThat(verdict.status()).isEqualTo(Verdict.Status.PASS);
    assertThat(verdict.line()).isEqualTo("FLEET VERDICT PASS PoolStormSimulation: predicted the server refuses client 4 of 4, 18.0 s"
        + " after the first joined (77 connection slots, 0 in use before, 22 per client, a client every 6.0 s), got client 4 at 18.5 s"
        + " (+2.8 %)");
  }

  @Test
  void aClientWhoseVerdictNamedAnEvidenceProblemMakesTheFleetVerdictInconclusive() throws Exception {
    List<RunResults> runs = storm(1, 2, 4);
    runs.add(client(START, 3, null, 0, """
        [{"kind": "COULD_NOT_KEEP_UP", "text": "this machine could not keep up (OK-latency p50 rose from 12 ms to 640 ms)"}]"""));

    FleetVerdict verdict = MergedFleet.verdict(runs).orElseThrow();

    assertThat(verdict.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
    assertThat(verdict.line()).startsWith("FLEET VERDICT INCONCLUSIVE PoolStormSimulation: a client's evidence is not whole (client 3:"
        + " this machine could not keep up (OK-latency p50 rose from 12 ms to 640 ms)); not judged: predicted the server refuses");
  }

  @Test
  void withoutTheFirstClientsRunThereIsNoFleetVerdict() throws Exception {
    assertThat(MergedFleet.verdict(storm(2, 3, 4))).isEmpty();
  }
}
