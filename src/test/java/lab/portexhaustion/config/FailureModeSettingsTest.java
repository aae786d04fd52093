package lab.portexhaustion.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** embedded.failureMode: mongod unless asked, select-server for the idle-connection scenarios, never with a connection limit. */
class FailureModeSettingsTest {

  @TempDir
  Path dir;

  private HarnessSettings load(Map<String, String> overrides, Scenario scenario) {
    return SettingsLoader.load(overrides, dir.resolve("absent.conf"), scenario);
  }

  @Test
  void theServerFailsAsMongodUnlessAsked() {
    assertThat(load(Map.of(), Scenario.POOLED).embedded().failureMode()).isEqualTo(EmbeddedFailureMode.MONGOD);
    assertThat(load(Map.of("embedded.failureMode", "select-server"), Scenario.POOLED).embedded().failureMode())
        .isEqualTo(EmbeddedFailureMode.SELECT_SERVER);
    assertThat(load(Map.of(), Scenario.POOL_STORM).embedded().failureMode()).as("the fleet's server refuses as mongod")
        .isEqualTo(EmbeddedFailureMode.MONGOD);
  }

  @Test
  void theIdleConnectionScenariosRunAgainstTheIncidentsKindOfServer() {
    for (Scenario scenario : new Scenario[] {Scenario.KEEP_ALIVE, Scenario.LEAKED_CLIENT, Scenario.KEEP_ALIVE_IDLE_TIMEOUT,
        Scenario.KEEP_ALIVE_SERVER_LIMIT, Scenario.KEEP_ALIVE_SERVER_LIMIT_IDLE_TIMEOUT}) {
      HarnessSettings settings = load(Map.of(), scenario);

      assertThat(settings.embedded().failureMode()).as(scenario.configName()).isEqualTo(EmbeddedFailureMode.SELECT_SERVER);
      assertThat(settings.reported()).as(scenario.configName()).containsEntry("embedded.failureMode", "select-server");
    }
  }

  @Test
  void anUnknownModeNamesTheSettingAndWhatIsAllowed() {
    assertThatThrownBy(() -> load(Map.of("embedded.failureMode", "twisted"), Scenario.POOLED))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("embedded.failureMode")
        .hasMessageContaining("mongod | select-server");
  }

  @Test
  void aSelectServerWithAConnectionLimitIsRefusedNamingBoth() {
    assertThatThrownBy(() -> load(Map.of("embedded.failureMode", "select-server", "embedded.maxIncomingConnections", "100"),
        Scenario.POOLED))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("'embedded.maxIncomingConnections' is 100")
        .hasMessageContaining("'embedded.failureMode' is 'select-server'")
        .hasMessageContaining("embedded.failureMode=mongod");
  }
}
