package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import com.mongodb.MongoCredential;
import lab.portexhaustion.TestSettings;
import lab.portexhaustion.config.ProtocolSettings;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.config.SettingsLoader;
import lab.portexhaustion.config.StrategyKind;
import lab.portexhaustion.config.TargetKind;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.strategy.ClientSettingsHook;
import lab.portexhaustion.target.DockerAvailability;
import org.junit.jupiter.api.Test;

/**
 * A simulation that cannot start is thrown as a {@link SetupFailureException}, in this JVM: the paragraphs the user
 * reads and the code the edge ends the JVM with, but no exit here.
 */
class HarnessPlanTest {

  @Test
  void invalidSettingsAreThrownWithTheirParagraphAndTheSetupCode() {
    ProtocolSettings protocol = ProtocolSettings.of("PlanSimulation", StrategyKind.POOLED)
        .with(new ProtocolSettings.Arrivals(-3, 10, Duration.ofSeconds(1), Duration.ofSeconds(1)));

    assertThatThrownBy(() -> HarnessPlan.of(protocol, ClientSettingsHook.NONE))
        .isInstanceOfSatisfying(SetupFailureException.class, failure -> {
          assertThat(failure.code()).isEqualTo(ProcessExit.Code.SETUP_FAILED);
          assertThat(failure.paragraphs()).singleElement().asString().startsWith("Setting 'load.startRate' has the value '-3' (set by PlanSimulation's MongoDsl protocol)");
          assertThat(failure.getMessage())
              .startsWith("\n=== PlanSimulation did not start; no load was sent ===\n\nSetting 'load.startRate' has the value '-3' (set by PlanSimulation's MongoDsl protocol)");
        });
  }

  @Test
  void aPlanGivenItsSettingsHasTheirScenarioAndNoOther() {
    ProtocolSettings poolStorm = ProtocolSettings.of("PoolStormSimulation", StrategyKind.POOLED)
        .with(ProtocolSettings.Server.of(TargetKind.AUTO).withMaxIncomingConnections(77));

    HarnessPlan plan = HarnessPlan.of("PoolStormSimulation", SettingsLoader.load(Map.of(), Path.of("no-harness.conf"), poolStorm),
        ClientSettingsHook.NONE);

    assertThat(plan.scenario()).isEqualTo(Scenario.POOL_STORM);
  }

  @Test
  void aTargetThatCannotStartIsThrownBeforeAnyLoad() {
    assumeTrue(DockerAvailability.whyUnavailable().isPresent(), "Docker is available here");
    HarnessPlan plan = HarnessPlan.of("PlanSimulation",
        SettingsLoader.load(Map.of("target", "container"), Path.of("no-harness.conf")), ClientSettingsHook.NONE);

    assertThatThrownBy(plan::start)
        .isInstanceOfSatisfying(SetupFailureException.class, failure -> {
          assertThat(failure.code()).isEqualTo(ProcessExit.Code.SETUP_FAILED);
          assertThat(failure.paragraphs()).singleElement().asString().contains("Setting 'target' is 'container'", "-Dtarget=embedded");
        });
  }

  /**
   * Credentials the simulation's own client settings give, which the probe (the connection string alone) does not use:
   * the embedded server knows no authentication (saslStart is unknown, code 59), so it turns them down as the strategy
   * prepares its client, and the paragraph says so, naming where they come from, without the password.
   */
  @Test
  void credentialsFromTheSimulationsClientSettingsThatTheServerTurnsDownAreSaidAsSuch() {
    HarnessPlan plan = HarnessPlan.of("CredentialsSimulation", TestSettings.forScenario(Scenario.CLIENT_PER_REQUEST, "target", "embedded"),
        ClientSettingsHook.of(builder -> builder.credential(MongoCredential.createCredential("hank", "admin", "ClientSetPw77".toCharArray()))));

    assertThatThrownBy(plan::start)
        .isInstanceOfSatisfying(SetupFailureException.class, failure -> assertThat(failure.paragraphs()).singleElement().asString()
            .startsWith("The client-per-request strategy's client was turned down by the server at 127.0.0.1:")
            .contains("it refused the client's credentials (the server said: error 59 CommandNotFound",
                "in the simulation's own client settings (MongoDsl's clientSettings)")
            .doesNotContain("ClientSetPw77", "writable and not overloaded"));
  }
}
