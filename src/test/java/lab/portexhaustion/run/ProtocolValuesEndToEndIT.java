package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lab.portexhaustion.process.ProcessExit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulation's own values win over its scenario's defaults, and a setting that would make it another scenario is
 * refused, in a real Gatling JVM: a keep-alive protocol against a server with 2,048 descriptors of its own, at
 * 2 to 6 requests/s over 1 s then 6/s for 2 s (the scenario's defaults would be 50/s; the built-in simulation's server
 * has 512).
 */
class ProtocolValuesEndToEndIT {

  private static final String SIMULATION = "lab.portexhaustion.dsl.values.OwnServerLimitValuesSimulation";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path results;

  @Test
  void theSimulationsOwnLimitAndLoadAreWhatRuns() throws Exception {
    GatlingProcess.Result result = GatlingProcess.run(SIMULATION, results, 120, "cleanStart.maxDrainWait=0s");

    assertThat(result.exitCode()).as(result.output()).isZero();
    Path harness = onlyRunFolder().resolve("harness");
    JsonNode conditions = JSON.readTree(harness.resolve("conditions.json").toFile());
    JsonNode summary = JSON.readTree(harness.resolve("summary.json").toFile());
    assertThat(conditions.at("/settings/embedded.maxDescriptors").asText()).isEqualTo("2048");
    assertThat(conditions.at("/settings/load.startRate").asDouble()).isEqualTo(2);
    assertThat(conditions.at("/settings/load.peakRate").asDouble()).isEqualTo(6);
    assertThat(conditions.at("/settings/load.rampTime").asText()).isEqualTo("1s");
    assertThat(conditions.at("/settings/load.holdTime").asText()).isEqualTo("2s");
    assertThat(conditions.at("/server/descriptorLimit").asLong()).as("the server process's own limit, as it read it").isEqualTo(2048);
    assertThat(conditions.at("/jvm").asText()).as("Gatling's JVM, started as the pom's fork is")
        .endsWith(" (client JIT compiler only, TieredStopAtLevel=1)");
    assertThat(summary.at("/scenario").asText()).isEqualTo("keep-alive-server-limit");
    // (2 + 6) / 2 x 1 s of ramp, then 6/s x 2 s: some 16 arrivals, each one request.
    long requests = summary.at("/requests/ok").asLong() + summary.at("/requests/ko").asLong();
    assertThat((double) requests).isCloseTo((2 + 6) / 2.0 * 1 + 6 * 2, within(2.0));
  }

  @Test
  void aSettingThatWouldMakeItAnotherScenarioIsRefusedBeforeAnyLoad() throws Exception {
    GatlingProcess.Result result = GatlingProcess.run(SIMULATION, results, 120, "embedded.maxDescriptors=0");

    assertThat(result.exitCode()).as(result.output()).isEqualTo(ProcessExit.Code.SETUP_FAILED.status());
    assertThat(result.output()).contains("did not start; no load was sent",
        "OwnServerLimitValuesSimulation's protocol sets embedded.maxDescriptors=2048 (keep-alive-server-limit), but -D sets"
            + " embedded.maxDescriptors=0, which would make it keep-alive.");
  }

  private Path onlyRunFolder() throws Exception {
    try (Stream<Path> folders = Files.list(results)) {
      List<Path> runs = folders.filter(f -> Files.isRegularFile(f.resolve("harness/conditions.json"))).toList();
      assertThat(runs).hasSize(1);
      return runs.get(0);
    }
  }
}
