package lab.portexhaustion;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.ProtocolSettings;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.config.SettingsLoader;
import lab.portexhaustion.config.StrategyKind;
import lab.portexhaustion.config.TargetKind;

/** Settings for tests: the defaults with short timeouts, plus whatever a test overrides. */
public final class TestSettings {

  private TestSettings() {}

  public static HarnessSettings with(String... keyValues) {
    return forScenario(Scenario.POOLED, keyValues);
  }

  /** As {@link #with}, for a protocol of {@code scenario} as the built-in simulation of that scenario writes it. */
  public static HarnessSettings forScenario(Scenario scenario, String... keyValues) {
    Map<String, String> overrides = new HashMap<>(Map.of(
        "timeouts.connect", "1s",
        "timeouts.serverSelection", "1s",
        "timeouts.read", "2s",
        "cleanStart.maxDrainWait", "0s"));
    for (int i = 0; i < keyValues.length; i += 2) {
      overrides.put(keyValues[i], keyValues[i + 1]);
    }
    return SettingsLoader.load(overrides, Path.of("target/no-such-harness.conf"), protocolOf(scenario));
  }

  /** The protocol of the built-in simulation of {@code scenario} (simulations/): its pattern and the server limits it sets. */
  public static ProtocolSettings protocolOf(Scenario scenario) {
    ProtocolSettings.Server server = ProtocolSettings.Server.of(TargetKind.AUTO);
    ProtocolSettings.Server limited = switch (scenario) {
      case POOL_STORM -> server.withMaxIncomingConnections(77);
      case KEEP_ALIVE_IDLE_TIMEOUT -> server.withIdleTimeout(Duration.ofSeconds(5));
      case KEEP_ALIVE_SERVER_LIMIT -> server.withMaxDescriptors(512);
      case KEEP_ALIVE_SERVER_LIMIT_IDLE_TIMEOUT -> server.withMaxDescriptors(512).withIdleTimeout(Duration.ofSeconds(5));
      default -> server;
    };
    ProtocolSettings protocol = ProtocolSettings.of(scenario.configName() + " test", scenario.strategy()).with(limited);
    if (protocol.scenario() != scenario) {
      throw new IllegalStateException("the test protocol of " + scenario + " describes " + protocol.scenario());
    }
    return protocol;
  }
}
