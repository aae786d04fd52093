package lab.portexhaustion.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layers in their one order (built-in defaults < scenario defaults < the simulation's protocol < harness.conf <
 * -D), the scenario derived from the result, and the refusal of settings that would make a simulation another scenario.
 */
class SettingsResolutionTest {

  /** As simulations/idle/KeepAliveServerLimitSimulation.java writes its protocol. */
  private static final ProtocolSettings SERVER_LIMIT = ProtocolSettings.of("KeepAliveServerLimitSimulation", StrategyKind.KEEP_ALIVE)
      .with(ProtocolSettings.Server.of(TargetKind.AUTO).withMaxDescriptors(512));
  private static final ProtocolSettings KEEP_ALIVE = ProtocolSettings.of("KeepAliveSimulation", StrategyKind.KEEP_ALIVE);
  private static final ProtocolSettings IDLE_TIMEOUT = ProtocolSettings.of("KeepAliveIdleTimeoutSimulation", StrategyKind.KEEP_ALIVE)
      .with(ProtocolSettings.Server.of(TargetKind.AUTO).withIdleTimeout(Duration.ofSeconds(5)));
  private static final ProtocolSettings POOL_STORM = ProtocolSettings.of("PoolStormSimulation", StrategyKind.POOLED)
      .with(ProtocolSettings.Server.of(TargetKind.AUTO).withMaxIncomingConnections(77));

  @TempDir
  Path dir;

  private HarnessSettings load(ProtocolSettings protocol, String... keyValues) {
    return SettingsLoader.load(properties(keyValues), dir.resolve("absent.conf"), protocol);
  }

  private static Map<String, String> properties(String... keyValues) {
    Map<String, String> properties = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.put(keyValues[i], keyValues[i + 1]);
    }
    return properties;
  }

  private String refusal(ProtocolSettings protocol, String... keyValues) {
    InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> load(protocol, keyValues));
    assertThat(e.problems()).hasSize(1);
    return e.problems().get(0);
  }

  @Test
  void theSimulationsOwnValuesBeatTheScenarioDefaults() {
    ProtocolSettings own = SERVER_LIMIT
        .with(ProtocolSettings.Server.of(TargetKind.AUTO).withMaxDescriptors(2048))
        .with(new ProtocolSettings.Arrivals(2, 8, Duration.ofSeconds(1), Duration.ofSeconds(3)));

    HarnessSettings settings = load(own);

    assertThat(settings.scenario()).isEqualTo(Scenario.KEEP_ALIVE_SERVER_LIMIT);
    assertThat(settings.embedded().maxDescriptors()).isEqualTo(2048);
    assertThat(settings.load().startRate()).isEqualTo(2);
    assertThat(settings.load().peakRate()).as("not the scenario default's 50").isEqualTo(8);
    assertThat(settings.load().rampTime()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.load().holdTime()).isEqualTo(Duration.ofSeconds(3));
    assertThat(settings.reported()).containsEntry("embedded.maxDescriptors", "2048").containsEntry("load.peakRate", "8")
        .containsEntry("load.rampTime", "1s");
  }

  /** A simulation's .load(5, 100, 20s, 15s) gives doubles; the defaults give ints: the same values, the same text. */
  @Test
  void aNumberIsReportedAsTheSameTextWhicheverLayerGaveIt() {
    ProtocolSettings sameLoad = ProtocolSettings.of("SameLoadSimulation", StrategyKind.POOLED)
        .with(new ProtocolSettings.Arrivals(5, 100, Duration.ofSeconds(20), Duration.ofSeconds(15)));
    ProtocolSettings halfRate = ProtocolSettings.of("HalfRateSimulation", StrategyKind.POOLED)
        .with(new ProtocolSettings.Arrivals(2.5, 100, Duration.ofSeconds(20), Duration.ofSeconds(15)));

    Map<String, String> pooled = load(ProtocolSettings.of("PooledSimulation", StrategyKind.POOLED)).reported();

    assertThat(load(sameLoad).reported()).isEqualTo(pooled).containsEntry("load.peakRate", "100").containsEntry("load.startRate", "5");
    assertThat(load(halfRate).reported()).containsEntry("load.startRate", "2.5");
    assertThat(load(KEEP_ALIVE, "load.peakRate", "100.0", "fleet.clients", "0").reported())
        .containsEntry("load.peakRate", "100").containsEntry("fleet.clients", "0");
  }

  @Test
  void eachLayerBeatsTheOneBelowIt() throws IOException {
    ProtocolSettings withLoad = SERVER_LIMIT.with(new ProtocolSettings.Arrivals(5, 30, Duration.ofSeconds(20), Duration.ofSeconds(15)));
    Path file = Files.writeString(dir.resolve("harness.conf"), "load.peakRate = 20\n");
    Path absent = dir.resolve("absent.conf");

    assertThat(load(KEEP_ALIVE).load().peakRate()).as("built-in default").isEqualTo(100);
    assertThat(load(SERVER_LIMIT).load().peakRate()).as("scenario default over the built-in one").isEqualTo(50);
    assertThat(load(withLoad).load().peakRate()).as("the protocol over the scenario default").isEqualTo(30);
    assertThat(SettingsLoader.load(Map.of(), file, withLoad).load().peakRate()).as("harness.conf over the protocol").isEqualTo(20);
    assertThat(SettingsLoader.load(Map.of("load.peakRate", "10"), file, withLoad).load().peakRate()).as("-D over harness.conf")
        .isEqualTo(10);
    assertThat(SettingsLoader.load(Map.of("load.peakRate", "10"), absent, withLoad).reported()).containsEntry("load.peakRate", "10");
  }

  @Test
  void aScenarioBlockIsItsLayersValueForThatScenarioOnly() throws IOException {
    Path file = Files.writeString(dir.resolve("harness.conf"),
        "load.peakRate = 20\nscenario.keep-alive-server-limit.load.peakRate = 25\n");

    assertThat(SettingsLoader.load(Map.of(), file, SERVER_LIMIT).load().peakRate()).as("the file's block over the file").isEqualTo(25);
    assertThat(SettingsLoader.load(Map.of(), file, KEEP_ALIVE).load().peakRate()).as("another scenario's block").isEqualTo(20);
    assertThat(SettingsLoader.load(Map.of("load.peakRate", "10"), file, SERVER_LIMIT).load().peakRate())
        .as("-D over the file's block").isEqualTo(10);
    assertThat(SettingsLoader.load(Map.of("load.peakRate", "10", "scenario.keep-alive-server-limit.load.peakRate", "12"), file,
        SERVER_LIMIT).load().peakRate()).as("-D's block over -D").isEqualTo(12);
    assertThat(load(KEEP_ALIVE, "scenario.pooled.load.peakRate", "42").load().peakRate()).as("a block of any scenario").isEqualTo(100);
    assertThat(load(POOL_STORM.with(ProtocolSettings.Server.of(TargetKind.AUTO)), "scenario.pooled.load.peakRate", "42").load().peakRate())
        .isEqualTo(42);
  }

  @Test
  void theScenarioIsDerivedFromThePatternAndTheServersLimits() {
    assertThat(load(KEEP_ALIVE).scenario()).isEqualTo(Scenario.KEEP_ALIVE);
    assertThat(load(IDLE_TIMEOUT).scenario()).isEqualTo(Scenario.KEEP_ALIVE_IDLE_TIMEOUT);
    assertThat(load(SERVER_LIMIT).scenario()).isEqualTo(Scenario.KEEP_ALIVE_SERVER_LIMIT);
    assertThat(load(SERVER_LIMIT.with(ProtocolSettings.Server.of(TargetKind.AUTO).withMaxDescriptors(512)
        .withIdleTimeout(Duration.ofSeconds(5)))).scenario()).isEqualTo(Scenario.KEEP_ALIVE_SERVER_LIMIT_IDLE_TIMEOUT);
    assertThat(load(POOL_STORM).scenario()).isEqualTo(Scenario.POOL_STORM);
    assertThat(load(ProtocolSettings.of("RawSocketSimulation", StrategyKind.RAW_SOCKET)).scenario()).isEqualTo(Scenario.RAW_SOCKET);
  }

  @Test
  void valuesThatKeepTheScenarioSimplyWin() {
    HarnessSettings moreDescriptors = load(SERVER_LIMIT, "embedded.maxDescriptors", "1024");
    HarnessSettings shorterTimeout = load(IDLE_TIMEOUT, "scenario.keep-alive-idle-timeout.embedded.idleTimeout", "3s");
    HarnessSettings pooledWithTimeout = load(ProtocolSettings.of("PooledSimulation", StrategyKind.POOLED), "embedded.idleTimeout", "5s");

    assertThat(moreDescriptors.embedded().maxDescriptors()).isEqualTo(1024);
    assertThat(moreDescriptors.scenario()).isEqualTo(Scenario.KEEP_ALIVE_SERVER_LIMIT);
    assertThat(shorterTimeout.embedded().idleTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(pooledWithTimeout.scenario()).as("an idle timeout does not change what a pool reproduces").isEqualTo(Scenario.POOLED);
    assertThat(pooledWithTimeout.embedded().idleTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aValueThatWouldMakeItAnotherScenarioIsRefusedNamingBothSides() {
    assertThat(refusal(SERVER_LIMIT, "embedded.maxDescriptors", "0"))
        .startsWith("KeepAliveServerLimitSimulation's protocol sets embedded.maxDescriptors=512 (keep-alive-server-limit), but -D sets"
            + " embedded.maxDescriptors=0, which would make it keep-alive.")
        .contains("Keep embedded.maxDescriptors above 0, or run a simulation whose protocol describes keep-alive");
    assertThat(refusal(KEEP_ALIVE, "embedded.idleTimeout", "5s"))
        .startsWith("KeepAliveSimulation's protocol leaves embedded.idleTimeout at its default 0s (keep-alive), but -D sets"
            + " embedded.idleTimeout=5s, which would make it keep-alive-idle-timeout.")
        .contains("Keep embedded.idleTimeout at 0");
    assertThat(refusal(IDLE_TIMEOUT, "scenario.keep-alive-idle-timeout.embedded.idleTimeout", "0s"))
        .contains("sets embedded.idleTimeout=5s (keep-alive-idle-timeout), but -D sets"
            + " scenario.keep-alive-idle-timeout.embedded.idleTimeout=0s, which would make it keep-alive.");
    assertThat(refusal(POOL_STORM, "embedded.maxIncomingConnections", "0"))
        .contains("PoolStormSimulation's protocol sets embedded.maxIncomingConnections=77 (pool-storm), but -D sets"
            + " embedded.maxIncomingConnections=0, which would make it pooled.");
  }

  @Test
  void theRefusalNamesTheSettingsFileWhenItIsTheFileThatChangesTheScenario() throws IOException {
    Path file = Files.writeString(dir.resolve("harness.conf"), "scenario.keep-alive-server-limit.embedded.maxDescriptors = 0\n"
        + "embedded.idleTimeout = 2s\n");

    assertThatThrownBy(() -> SettingsLoader.load(Map.of(), file, SERVER_LIMIT))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageStartingWith("KeepAliveServerLimitSimulation's protocol leaves embedded.idleTimeout at its default 0s and sets"
            + " embedded.maxDescriptors=512 (keep-alive-server-limit), but " + file + " sets embedded.idleTimeout=2s and " + file
            + " sets scenario.keep-alive-server-limit.embedded.maxDescriptors=0, which would make it keep-alive-idle-timeout.");
  }

  @Test
  void againstAServerTheHarnessDoesNotRunTheProtocolsScenarioStands() {
    HarnessSettings fleetClient = load(POOL_STORM, "target", "uri", "uri", "mongodb://10.0.0.1:27018/?directConnection=true",
        "embedded.maxIncomingConnections", "0");

    assertThat(fleetClient.scenario()).isEqualTo(Scenario.POOL_STORM);
    assertThat(fleetClient.embedded().any()).isFalse();
  }

  @Test
  void theProtocolsExpectationIsItsScenariosVerdictKey() {
    HarnessSettings settings = load(SERVER_LIMIT.with(Expectation.EXHAUSTION));

    assertThat(settings.verdict().expectationFor(Scenario.KEEP_ALIVE_SERVER_LIMIT)).isEqualTo(Expectation.EXHAUSTION);
    assertThat(settings.verdict().expectationFor(Scenario.KEEP_ALIVE)).isEqualTo(Expectation.AUTO);
    assertThat(load(SERVER_LIMIT.with(Expectation.EXHAUSTION), "verdict.keep-alive-server-limit", "any").verdict()
        .expectationFor(Scenario.KEEP_ALIVE_SERVER_LIMIT)).as("-D over the protocol").isEqualTo(Expectation.ANY);
  }
}
