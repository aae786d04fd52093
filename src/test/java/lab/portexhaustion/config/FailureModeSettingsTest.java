package lab.portexhaustion.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** embedded.failureMode: mongod unless asked, select-server for the idle-connection scenarios, never with a connection limit. */
class FailureModeSettingsTest {

  private static final ProtocolSettings.Server SERVER = ProtocolSettings.Server.of(TargetKind.AUTO);
  private static final ProtocolSettings POOLED = protocol(StrategyKind.POOLED, SERVER);

  @TempDir
  Path dir;

  private HarnessSettings load(Map<String, String> overrides, ProtocolSettings protocol) {
    return SettingsLoader.load(overrides, dir.resolve("absent.conf"), protocol);
  }

  private static ProtocolSettings protocol(StrategyKind connections, ProtocolSettings.Server server) {
    return ProtocolSettings.of("Test", connections).with(server);
  }

  @Test
  void theServerFailsAsMongodUnlessAsked() {
    assertThat(load(Map.of(), POOLED).embedded().failureMode()).isEqualTo(EmbeddedFailureMode.MONGOD);
    assertThat(load(Map.of("embedded.failureMode", "select-server"), POOLED).embedded().failureMode())
        .isEqualTo(EmbeddedFailureMode.SELECT_SERVER);
    HarnessSettings poolStorm = load(Map.of(), protocol(StrategyKind.POOLED, SERVER.withMaxIncomingConnections(77)));
    assertThat(poolStorm.scenario()).isEqualTo(Scenario.POOL_STORM);
    assertThat(poolStorm.embedded().failureMode()).as("the fleet's server refuses as mongod").isEqualTo(EmbeddedFailureMode.MONGOD);
  }

  @Test
  void theIdleConnectionScenariosRunAgainstTheIncidentsKindOfServer() {
    List<ProtocolSettings> idle = List.of(
        protocol(StrategyKind.KEEP_ALIVE, SERVER),
        protocol(StrategyKind.LEAKED_CLIENT, SERVER),
        protocol(StrategyKind.KEEP_ALIVE, SERVER.withIdleTimeout(Duration.ofSeconds(5))),
        protocol(StrategyKind.KEEP_ALIVE, SERVER.withMaxDescriptors(512)),
        protocol(StrategyKind.KEEP_ALIVE, SERVER.withMaxDescriptors(512).withIdleTimeout(Duration.ofSeconds(5))));
    for (ProtocolSettings protocol : idle) {
      HarnessSettings settings = load(Map.of(), protocol);

      assertThat(settings.scenario().family()).isEqualTo(Scenario.Family.IDLE_CONNECTIONS);
      assertThat(settings.embedded().failureMode()).as(settings.scenario().configName()).isEqualTo(EmbeddedFailureMode.SELECT_SERVER);
      assertThat(settings.reported()).as(settings.scenario().configName()).containsEntry("embedded.failureMode", "select-server");
    }
    assertThat(idle).extracting(ProtocolSettings::scenario).containsExactly(Scenario.KEEP_ALIVE, Scenario.LEAKED_CLIENT,
        Scenario.KEEP_ALIVE_IDLE_TIMEOUT, Scenario.KEEP_ALIVE_SERVER_LIMIT, Scenario.KEEP_ALIVE_SERVER_LIMIT_IDLE_TIMEOUT);
  }

  @Test
  void aStrongerLayerMayMakeAnIdleConnectionScenarioFailAsMongod() {
    HarnessSettings settings = load(Map.of("embedded.failureMode", "mongod"), protocol(StrategyKind.KEEP_ALIVE, SERVER));

    assertThat(settings.scenario()).isEqualTo(Scenario.KEEP_ALIVE);
    assertThat(settings.embedded().failureMode()).isEqualTo(EmbeddedFailureMode.MONGOD);
  }

  @Test
  void anUnknownModeNamesTheSettingAndWhatIsAllowed() {
    assertThatThrownBy(() -> load(Map.of("embedded.failureMode", "twisted"), POOLED))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("embedded.failureMode")
        .hasMessageContaining("mongod | select-server");
  }

  @Test
  void aSelectServerWithAConnectionLimitIsRefusedNamingBoth() {
    assertThatThrownBy(() -> load(Map.of("embedded.failureMode", "select-server", "embedded.maxIncomingConnections", "100"),
        POOLED))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("'embedded.maxIncomingConnections' is 100")
        .hasMessageContaining("'embedded.failureMode' is 'select-server'")
        .hasMessageContaining("embedded.failureMode=mongod");
  }
}
