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
 * The whole chain — Gatling, the real driver, the embedded server, the real kernel — inside a
 * network namespace made by scripts/contained-run with a 1,000-port range and tcp_tw_reuse=0.
 * Skipped where this machine cannot make a network namespace, aborted where it could not keep up with a run
 * ({@link CouldNotKeepUp}).
 */
class ContainedReproductionIT {

  private static final List<String> LAUNCHER = List.of("scripts/contained-run", "--no-prepare", "--range", "40000-40999", "--");
  private static final String[] SHORT_PROFILE = {"target=embedded", "load.startRate=20", "load.peakRate=100",
      "load.rampTime=5s", "load.holdTime=15s", "load.exhaustionGrace=2s", "verdict.enabled=on"};

  @TempDir
  Path results;

  @BeforeEach
  void namespacesWork() throws Exception {
    NetworkNamespaces.assumeAvailable();
  }

  @Test
  void rawSocketExhaustsTheWholeRange() throws Exception {
    JsonNode summary = run("RawSocketSimulation");

    JsonNode onset = summary.get("onset");
    assertThat(onset.isNull()).as("raw-socket records an onset").isFalse();
    assertThat(onset.get("code").asText()).isEqualTo("EADDRNOTAVAIL");
    assertThat(onset.get("utilisationPercent").asDouble()).isGreaterThanOrEqualTo(99.0);
    assertThat(onset.get("portsInUseTowardTarget").asInt()).isGreaterThanOrEqualTo(990);
    assertThat(onset.get("unitsPerVisit").asDouble()).isCloseTo(1.0, within(0.1));
    assertThat(summary.at("/verdict/passed").asBoolean()).isTrue();
  }

  @Test
  void clientPerRequestExhaustsWithAboutThreePortsPerRequest() throws Exception {
    JsonNode summary = run("ClientPerRequestSimulation");

    assertThat(summary.get("onset").isNull()).as("client-per-request records an onset").isFalse();
    assertThat(summary.at("/onset/kind").asText()).isEqualTo("ephemeral ports");
    // The embedded server streams as mongod 4.4+: a monitoring, a round-trip-time and a pool connection per client
    // (docs/server.md); a client closed at once may not have opened its round-trip-time connection yet.
    assertThat(summary.at("/ports/portsPerVisit").asDouble()).isBetween(2.5, 3.2);
    assertThat(summary.at("/verdict/passed").asBoolean()).isTrue();
  }

  @Test
  void pooledStaysCleanWithinItsPool() throws Exception {
    JsonNode summary = run("PooledSimulation");

    assertThat(summary.get("onset").isNull()).as("pooled records no onset").isTrue();
    assertThat(summary.at("/ports/peaks/openTowardTarget").asInt()).isLessThanOrEqualTo(100 + 2);
    assertThat(summary.at("/requests/ko").asLong()).isZero();
    assertThat(summary.at("/verdict/passed").asBoolean()).isTrue();
  }

  private JsonNode run(String simulation) throws Exception {
    GatlingProcess.Result result = GatlingProcess.run(LAUNCHER, simulation, results, 240, SHORT_PROFILE);
    CouldNotKeepUp.abortIfTheOnlyProblem(result, results);
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("VERDICT PASS " + simulation);
    try (Stream<Path> folders = Files.list(results)) {
      Path harness = folders.filter(Files::isDirectory).findFirst().orElseThrow().resolve("harness");
      assertThat(harness.resolve("ports.csv")).isNotEmptyFile();
      assertThat(harness.resolve("conditions.json")).content().contains("\"rangeSize\" : 1000", "\"tcpTwReuse\" : 0");
      JsonNode summary = new ObjectMapper().readTree(harness.resolve("summary.json").toFile());
      // One row per second of the run, the last a part of one: none for the seconds its workers drain after its end.
      assertThat(Files.readAllLines(harness.resolve("requests.csv"))).as("requests.csv's rows after its header")
          .hasSize(1 + (int) Math.ceil(summary.get("durationSeconds").asDouble()));
      return summary;
    }
  }
}
