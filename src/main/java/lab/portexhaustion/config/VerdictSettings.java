package lab.portexhaustion.config;

import java.util.Map;

/**
 * Whether and what to expect of each scenario.
 *
 * @param enabled auto (only inside the namespace launcher), on, off
 * @param expectations one per scenario
 * @param setBy per scenario, where its expectation came from when a simulation's own protocol set it
 *     ({@code .expect(...)}): "OrdersSimulation's MongoDsl protocol"; absent where a setting or the default gave it
 */
public record VerdictSettings(Switch enabled, Map<Scenario, Expectation> expectations, Map<Scenario, String> setBy) {

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

  /**
   * How a verdict line names where {@code scenario}'s expectation was fixed: "verdict.pooled=clean", and where the
   * simulation's own protocol set it, which one: the key is the connection pattern's, which a user who wrote
   * {@code .expect(clean())} never typed.
   */
  public String fixedBy(Scenario scenario) {
    String setting = "verdict." + scenario.configName() + "=" + expectationFor(scenario).configName();
    return setBy.containsKey(scenario) ? setting + ", set by " + setBy.get(scenario) : setting;
  }
}
