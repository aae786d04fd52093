package lab.portexhaustion.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;

/**
 * The layers of one run's settings, each with where it came from, and their merge. Strongest first:
 * <ol>
 *   <li>{@code -D} for the run's scenario only ({@code -Dscenario.<name>.<key>}), then {@code -D};
 *   <li>the settings file's {@code scenario.<name>} block, then the rest of the file;
 *   <li>the simulation's own protocol (MongoDsl);
 *   <li>the scenario defaults: harness-defaults.conf's {@code scenario.<name>} block;
 *   <li>the built-in defaults: the rest of harness-defaults.conf.
 * </ol>
 * A {@code scenario.<name>} block is that layer's value for runs of that scenario only: it beats the same layer's
 * plain key and nothing stronger.
 */
final class SettingsLayers {

  /**
   * One layer.
   *
   * @param source who gave these values, as a message names it ("-D", "harness.conf", ...)
   * @param block the scenario block they were written in ({@code scenario.<name>.}), or empty
   * @param values the values, by plain key
   */
  record Layer(String source, String block, Config values) {

    /** "-D sets scenario.keep-alive.embedded.idleTimeout=5s". */
    String says(String key) {
      return source + " sets " + block + key + "=" + valueOf(key);
    }

    String valueOf(String key) {
      return String.valueOf(values.getValue(key).unwrapped());
    }
  }

  static final String DEFAULTS_SOURCE = "harness-defaults.conf";
  /** How a value the simulation's own protocol set names where it came from: "PooledSimulation's MongoDsl protocol". */
  static final String PROTOCOL_ORIGIN = "'s MongoDsl protocol";

  private final List<Layer> strongestFirst;
  private final Layer protocol;
  private final Layer builtIn;

  private SettingsLayers(List<Layer> strongestFirst, Layer protocol, Layer builtIn) {
    this.strongestFirst = strongestFirst;
    this.protocol = protocol;
    this.builtIn = builtIn;
  }

  static SettingsLayers of(Scenario scenario, Config commandLine, String userFile, Config user, ProtocolSettings protocol, Config defaults) {
    String block = SettingKeys.SCENARIO_ROOT + "." + scenario.configName();
    Layer simulation = new Layer(protocol.simulation() + "'s protocol", "",
        ConfigFactory.parseMap(protocol.values(), protocol.simulation() + PROTOCOL_ORIGIN));
    Layer builtIn = plain(DEFAULTS_SOURCE, defaults);
    return new SettingsLayers(List.of(
        scoped("-D", block, commandLine),
        plain("-D", commandLine),
        scoped(userFile, block, user),
        plain(userFile, user),
        simulation,
        scoped(DEFAULTS_SOURCE, block, defaults),
        builtIn), simulation, builtIn);
  }

  private static Layer scoped(String source, String block, Config values) {
    return new Layer(source, block + ".", values.hasPath(block) ? values.getConfig(block) : ConfigFactory.empty());
  }

  private static Layer plain(String source, Config values) {
    return new Layer(source, "", values.withoutPath(SettingKeys.SCENARIO_ROOT));
  }

  /** Every key with its value from the strongest layer that sets it. */
  Config merged() {
    Config merged = ConfigFactory.empty();
    for (Layer layer : strongestFirst) {
      merged = merged.withFallback(layer.values());
    }
    return merged.resolve();
  }

  /** The strongest layer that sets {@code key} (the built-in defaults set every key). */
  Layer winner(String key) {
    return strongestFirst.stream().filter(layer -> layer.values().hasPath(key)).findFirst().orElseThrow();
  }

  Layer protocol() {
    return protocol;
  }

  Layer builtIn() {
    return builtIn;
  }
}
