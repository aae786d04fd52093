package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lab.portexhaustion.report.ComparisonWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident's second failure end to end, inside a network namespace with a descriptor limit of
 * 1,536: keep-alive connections left idle exhaust the client's descriptors; against a server with
 * an idle timeout, the same arrivals hold about arrival rate x idle timeout connections and never
 * run out; against a server limited to 512 descriptors of its own, the server runs out, not the
 * client. Skipped where this machine cannot make a network namespace, aborted where it could not keep up with a
 * run ({@link CouldNotKeepUp}).
 */
class IdleConnectionsReproductionIT {

  private static final int DESCRIPTOR_LIMIT = 1536;
  private static final List<String> LAUNCHER = List.of("scripts/contained-run", "--no-prepare", "--range", "20000-60999",
      "--nofile", String.valueOf(DESCRIPTOR_LIMIT), "--");
  private static final double PEAK_RATE = 100;
  private static final double IDLE_TIMEOUT_SECONDS = 3;
  private static final String[] SHORT_PROFILE = {"target=embedded", "load.startRate=20", "load.peakRate=" + (int) PEAK_RATE,
      "load.rampTime=5s", "load.holdTime=15s", "load.exhaustionGrace=2s", "verdict.enabled=on",
      "scenario.keep-alive-idle-timeout.embedded.idleTimeout=" + (int) IDLE_TIMEOUT_SECONDS + "s",
      // The server-side run keeps its own rate: the incident's server fills in some 15 s at 50/s.
      "scenario.keep-alive-server-limit.load.peakRate=50"};

  @TempDir
  static Path results;

  private static JsonNode keepAlive;
  private static JsonNode idleTimeout;
  private static JsonNode serverLimit;

  @BeforeAll
  static void runBothScenarios() throws Exception {
    NetworkNamespaces.assumeAvailable();
    keepAlive = run("idle.KeepAliveSimulation");
    idleTimeout = run("idle.KeepAliveIdleTimeoutSimulation");
    serverLimit = run("idle.KeepAliveServerLimitSimulation");
  }

  @Test
  void keepAliveConnectionsWithoutTimeoutExhaustDescriptors() {
    assertThat(keepAlive.get("onset").isNull()).as("keep-alive records an onset").isFalse();
    assertThat(keepAlive.at("/onset/kind").asText()).isEqualTo("descriptors");
    assertThat(keepAlive.at("/onset/code").asText()).isEqualTo("EMFILE");
    assertThat(keepAlive.at("/connections/descriptorLimit").asLong()).isEqualTo(DESCRIPTOR_LIMIT);
    assertThat(keepAlive.at("/onset/side").asText()).isEqualTo("client");
    // The server is a process of its own: one descriptor per connection here, and the JVM's own below them.
    assertThat(keepAlive.at("/connections/peakOpenTowardTarget").asInt()).isBetween(DESCRIPTOR_LIMIT - 400, DESCRIPTOR_LIMIT);
    assertThat(keepAlive.at("/connections/peakDescriptorsOpen").asLong()).isGreaterThanOrEqualTo(DESCRIPTOR_LIMIT - 40);
    assertThat(keepAlive.at("/verdict/passed").asBoolean()).isTrue();
  }

  @Test
  void theIdleTimeoutBoundsOpenConnectionsByRateTimesTimeout() {
    double bound = PEAK_RATE * IDLE_TIMEOUT_SECONDS;

    assertThat(idleTimeout.get("onset").isNull()).as("the idle-timeout scenario records no onset").isTrue();
    assertThat(idleTimeout.at("/requests/ko").asLong()).isZero();
    assertThat(idleTimeout.at("/connections/expectedOpen").asDouble()).isEqualTo(bound);
    assertThat(idleTimeout.at("/connections/peakOpenTowardTarget").asDouble()).isCloseTo(bound, within(bound * 0.10));
    assertThat(idleTimeout.at("/verdict/passed").asBoolean()).isTrue();
  }

  @Test
  void aServerWithFiveHundredTwelveDescriptorsRunsOutWhileItsClientsDoNot() {
    assertThat(serverLimit.at("/onset/side").asText()).isEqualTo("server");
    assertThat(serverLimit.at("/onset/surfaced").asText()).isEqualTo("server");
    assertThat(serverLimit.at("/onset/code").asText()).isEqualTo("EMFILE");
    assertThat(serverLimit.at("/onset/serverDescriptorsMax").asLong()).isEqualTo(512);
    assertThat(serverLimit.at("/onset/serverDescriptorsOpen").asLong()).isEqualTo(512);
    assertThat(serverLimit.at("/onset/descriptorsOpen").asLong()).as("the client's own").isLessThan(DESCRIPTOR_LIMIT / 2);
    assertThat(serverLimit.at("/verdict/passed").asBoolean()).isTrue();
  }

  @Test
  void theComparisonPageShowsConnectionsAndDescriptors() throws Exception {
    List<Path> written = ComparisonWriter.write(runFolders(), results);

    assertThat(written).containsExactly(results.resolve("comparison-idle-connections"));
    assertThat(written.get(0).resolve("comparison.md")).content()
        .contains("Connections kept open: leak vs idle timeout, and a server's limits", "| keep-alive-idle-timeout | keep-alive-server-limit | keep-alive |", "descriptors (EMFILE)");
    ComparisonPageCheck.Result page = ComparisonPageCheck.open(written.get(0).resolve("index.html"),
        Path.of("target/comparison-idle-screenshot.png"));
    assertThat(page.consoleMessages()).as("console output of the page").isEmpty();
    assertThat(page.pointsPerChart()).containsOnlyKeys("chart-connections", "chart-rates", "chart-latency");
    assertThat(page.pointsPerChart().values()).allMatch(points -> points > 0);
  }

  private static JsonNode run(String simulation) throws Exception {
    GatlingProcess.Result result = GatlingProcess.run(LAUNCHER, simulation, results, 240, SHORT_PROFILE);
    CouldNotKeepUp.abortIfTheOnlyProblem(result, results);
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("VERDICT PASS " + simulation.substring(simulation.indexOf('.') + 1));
    Path folder = runFolders().stream()
        .filter(f -> f.getFileName().toString().startsWith(simulation.substring(simulation.indexOf('.') + 1).toLowerCase() + "-"))
        .findFirst().orElseThrow();
    return new ObjectMapper().readTree(folder.resolve("harness/summary.json").toFile());
  }

  private static List<Path> runFolders() throws Exception {
    try (Stream<Path> folders = Files.list(results)) {
      return folders.filter(f -> Files.isRegularFile(f.resolve("harness/summary.json"))).sorted().toList();
    }
  }
}
