package lab.portexhaustion.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunNamesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path results;

  private RunResults run(String folder, String scenario, String startedAt) throws Exception {
    return run(folder, folder.replaceFirst("simulation-\\d+$", "Simulation"), scenario, startedAt);
  }

  private RunResults run(String folder, String simulation, String scenario, String startedAt) throws Exception {
    Path harness = Files.createDirectories(results.resolve(folder).resolve("harness"));
    Path fixture = Path.of(getClass().getResource("/fixtures/run/clientperrequestsimulation/harness").toURI());
    ObjectNode summary = (ObjectNode) JSON.readTree(fixture.resolve("summary.json").toFile());
    JSON.writeValue(harness.resolve("summary.json").toFile(),
        summary.put("simulation", simulation).put("scenario", scenario).put("startedAt", startedAt));
    Files.copy(fixture.resolve("conditions.json"), harness.resolve("conditions.json"));
    Files.writeString(harness.resolve("ports.csv"), "elapsedMillis,tier\n");
    return RunResults.load(results.resolve(folder));
  }

  @Test
  void aScenarioComparedOnceIsCalledByItsName() throws Exception {
    RunResults pooled = run("pooledsimulation-1", "pooled", "2026-12-01T20:44:51.1Z");
    RunResults churn = run("rawsocketsimulation-2", "raw-socket", "2026-12-01T20:45:51.1Z");

    assertThat(RunNames.of(List.of(pooled, churn))).containsExactlyInAnyOrderEntriesOf(Map.of(
        pooled.folder(), "pooled", churn.folder(), "raw-socket"));
  }

  /** A user's own workload beside the built-in simulation of its strategy: the same names every night, not times. */
  @Test
  void twoSimulationsOfOneScenarioAreToldApartByTheirSimulations() throws Exception {
    RunResults builtIn = run("clientperrequestsimulation-1", "ClientPerRequestSimulation", "client-per-request", "2026-12-01T20:44:51Z");
    RunResults own = run("orderssimulation-2", "OrdersSimulation", "client-per-request", "2026-12-01T20:46:02Z");

    assertThat(RunNames.of(List.of(builtIn, own))).containsExactlyInAnyOrderEntriesOf(Map.of(
        builtIn.folder(), "client-per-request (ClientPerRequestSimulation)", own.folder(), "client-per-request (OrdersSimulation)"));
  }

  @Test
  void twoRunsOfOneScenarioAreToldApartByWhenTheyStartedOrElseByFolder() throws Exception {
    RunResults before = run("pooledsimulation-1", "pooled", "2026-12-01T20:44:51.133899119Z");
    RunResults after = run("pooledsimulation-2", "pooled", "2026-12-01T20:56:19.5Z");
    RunResults sameSecond = run("pooledsimulation-3", "pooled", "2026-12-01T20:56:19.9Z");

    assertThat(RunNames.of(List.of(before, after, sameSecond))).containsExactlyInAnyOrderEntriesOf(Map.of(
        before.folder(), "pooled (20:44:51)",
        after.folder(), "pooled (pooledsimulation-2)",
        sameSecond.folder(), "pooled (pooledsimulation-3)"));
  }
}
