package lab.portexhaustion.config;

import java.util.Map;

/**
 * Whether and what to expect of each scenario.
 *
 * @param enabled auto (only inside the namespace launcher), on, off
 * @param expectations one per scenario
 */
public record VerdictSettings(Switch enabled, Map<Scenario, Expectation> expectations) {

  /** On, off, or on only inside the namespace launcher. */
  public enum Switch implements ConfigName {
    AUTO,
    ON,
    OFF
  }

  public boolean isChecked() {
    return enabled == Switch.ON || (enabled == Switch.AUTO && LauncherEnvironment.contained());
  }

  public Expectation expectationFor(Scenario scenario) {
    return expectations.getOrDefault(scenario, Expectation.ANY);
  }
}
