package lab.portexhaustion;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.config.SettingsLoader;

/** Settings for tests: the defaults with short timeouts, plus whatever a test overrides. */
public final class TestSettings {

  private TestSettings() {}

  public static HarnessSettings with(String... keyValues) {
    return forScenario(Scenario.POOLED, keyValues);
  }

  /** As {@link #with}, with {@code scenario}'s own settings block laid over. */
  public static HarnessSettings forScenario(Scenario scenario, String... keyValues) {
    Map<String, String> overrides = new HashMap<>(Map.of(
        "timeouts.connect", "1s",
        "timeouts.serverSelection", "1s",
        "timeouts.read", "2s",
        "cleanStart.maxDrainWait", "0s"));
    for (int i = 0; i < keyValues.length; i += 2) {
      overrides.put(keyValues[i], keyValues[i + 1]);
    }
    return SettingsLoader.load(overrides, Path.of("target/no-such-harness.conf"), scenario);
  }
}
