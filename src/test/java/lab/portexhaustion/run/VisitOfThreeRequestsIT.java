package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own simulation of three requests per visit (find, upsert, audit insert), a new client per request, in a
 * network namespace with 2,000 ports, the default ramp to a peak of 40 visits/s: the model's prediction before the load
 * already counts the visit's three requests (9 ports a visit), and the onset comes within the verdict's 15 % of that
 * prediction, not 42 % before it. Skipped where this machine cannot make a network namespace, aborted where it could
 * not keep up with the run ({@link CouldNotKeepUp}).
 */
class VisitOfThreeRequestsIT {

  private static final List<String> LAUNCHER = List.of("scripts/contained-run", "--no-prepare", "--range", "40000-41999", "--");
  private static final String SIMULATION = "lab.portexhaustion.dsl.visits.ThreeRequestVisitSimulation";

  @TempDir
  Path results;

  @BeforeEach
  void namespacesWork() throws Exception {
    NetworkNamespaces.assumeAvailable();
  }

  @Test
  void thePredictionBeforeTheLoadCountsTheVisitsRequests() throws Exception {
    // A peak of 40 visits/s, not the default 100: three new clients a visit made 160 clients/s by the onset at 10 s, which a
    // slow host could not keep up with (VERDICT INCONCLUSIVE, CPU 95 % busy, on 2026-12-02); at 40 the onset comes near
    // 13 s at some 85 clients/s, the load of the default comparison's client-per-request run.
    GatlingProcess.Result result = GatlingProcess.run(LAUNCHER, SIMULATION, results, 240, "target=embedded", "verdict.enabled=on",
        "load.exhaustionGrace=2s", "load.peakRate=40");
    CouldNotKeepUp.abortIfTheOnlyProblem(result, results);

    assertThat(result.exitCode()).as(result.output()).isZero();
    JsonNode summary = summary();
    JsonNode beforeLoad = summary.get("prediction");
    assertThat(beforeLoad.get("requestsPerVisit").asInt()).isEqualTo(3);
    assertThat(beforeLoad.get("perVisit").asDouble()).isEqualTo(9.0);
    assertThat(beforeLoad.get("expectation").asText()).isEqualTo("EXHAUSTION");
    double predicted = beforeLoad.get("onsetSeconds").asDouble();
    double onset = summary.at("/onset/elapsedSeconds").asDouble();
    assertThat(onset).as("the onset within the verdict's 15 %% of the prediction made before the load, %.1f s", predicted)
        .isCloseTo(predicted, within(0.15 * predicted));
    assertThat(summary.at("/ports/portsPerVisit").asDouble()).as("measured: 3 requests of 3 ports, a few round-trip-time"
        + " connections never opened").isBetween(7.5, 9.3);
    String output = result.output();
    int prediction = output.indexOf("ThreeRequestVisitSimulation: the model predicts exhaustion at");
    assertThat(prediction).as(output).isNotNegative();
    assertThat(output.substring(prediction)).contains("= 9.00 per visit (3 requests x 3.00) held 60 s, knee 3.7 visits/s");
    assertThat(prediction).as("the prediction is said before the onset").isLessThan(output.indexOf(">>> exhaustion onset"));
    assertThat(output).contains("VERDICT PASS ThreeRequestVisitSimulation: predicted exhaustion at");
  }

  private JsonNode summary() throws Exception {
    try (Stream<Path> folders = Files.list(results)) {
      Path harness = folders.filter(Files::isDirectory).findFirst().orElseThrow().resolve("harness");
      return new ObjectMapper().readTree(harness.resolve("summary.json").toFile());
    }
  }
}
