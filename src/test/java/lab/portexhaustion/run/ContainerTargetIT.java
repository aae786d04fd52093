package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import lab.portexhaustion.sampler.NetworkConditionsReader;
import lab.portexhaustion.target.DockerAvailability;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real MongoDB in a container (Testcontainers): short pooled and client-per-request runs.
 * Skipped where no Docker engine answers. With a narrowed range (the nightly job sets 1,000
 * ports) the client-per-request run must exhaust; ports per request are measured, not assumed:
 * a real mongod may add an RTT-monitoring connection to the driver's two.
 */
class ContainerTargetIT {

  private static final String[] PROFILE = {"target=container", "load.startRate=20", "load.peakRate=100", "load.rampTime=5s",
      "load.holdTime=15s", "load.exhaustionGrace=2s"};

  @TempDir
  Path results;

  @BeforeEach
  void dockerAnswers() {
    assumeTrue(DockerAvailability.whyUnavailable().isEmpty(), "no Docker engine: " + DockerAvailability.whyUnavailable().orElse(""));
  }

  @Test
  void clientPerRequestAgainstARealMongod() throws Exception {
    JsonNode summary = run("ClientPerRequestSimulation");

    assertThat(summary.at("/target/kind").asText()).isEqualTo("container");
    assertThat(summary.at("/target/serverVersion").asText()).isNotBlank();
    // The bridge address where this host reaches it; rootless Docker, Docker Desktop or a remote engine: the mapped port.
    String reason = summary.at("/target/reason").asText();
    assertThat(reason).containsAnyOf("on its bridge network address", "through the mapped port");
    if (reason.contains("on its bridge network address")) {
      assertThat(summary.at("/target/address").asText()).as("the container's own address, not loopback").doesNotStartWith("127.");
    }
    assertThat(summary.at("/ports/portsPerVisit").asDouble()).isBetween(1.8, 3.2);
    if (NetworkConditionsReader.read().range().size() <= 2000) {
      assertThat(summary.at("/onset/kind").asText()).isEqualTo("ephemeral ports");
    }
  }

  @Test
  void pooledAgainstARealMongodStaysClean() throws Exception {
    JsonNode summary = run("PooledSimulation");

    assertThat(summary.get("onset").isNull()).isTrue();
    assertThat(summary.at("/requests/ko").asLong()).isZero();
    assertThat(summary.at("/ports/peaks/openTowardTarget").asInt()).isLessThanOrEqualTo(100 + 2);
  }

  private JsonNode run(String simulation) throws Exception {
    GatlingProcess.Result result = GatlingProcess.run(simulation, results, 600, PROFILE);
    assertThat(result.exitCode()).as(result.output()).isZero();
    try (Stream<Path> folders = Files.list(results)) {
      Path run = folders.filter(p -> p.getFileName().toString().startsWith(simulation.toLowerCase())).findFirst().orElseThrow();
      return new ObjectMapper().readTree(run.resolve("harness/summary.json").toFile());
    }
  }
}
