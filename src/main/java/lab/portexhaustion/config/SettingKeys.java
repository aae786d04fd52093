package lab.portexhaustion.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names of the settings: a key of harness-defaults.conf, or one of them for one scenario only
 * ({@code scenario.<name>.<key>}, any scenario, any key). Tells which system properties are ours and which keys are
 * unknown, each with the nearest known one.
 */
final class SettingKeys {

  static final String SCENARIO_ROOT = "scenario";

  /**
   * The word summary.json and the docs use for a run's connection pattern, which is no setting: the simulation's
   * protocol decides it. A -D of it is refused as ours, where it would be ignored as someone else's and the run go on
   * with the pattern the user meant to change.
   */
  private static final String STRATEGY = "strategy";

  private final Set<String> plain = new TreeSet<>();
  private final Set<String> roots;
  private final List<String> scenarios = Arrays.stream(Scenario.values()).map(Scenario::configName).toList();

  SettingKeys(Config defaults) {
    defaults.entrySet().stream().map(Map.Entry::getKey).filter(key -> !key.startsWith(SCENARIO_ROOT + ".")).forEach(plain::add);
    roots = defaults.root().keySet();
  }

  /**
   * The system properties that are ours. They hold much besides (java.*, user.*, gatling.*, maven.*): keep those whose
   * first segment is one of our top-level keys, or a near miss of one ({@code laod.peakRate}, {@code Load.peakRate}),
   * so that a typo is refused rather than silently ignored. Near is one edit for a short segment (the JVM's, Maven's and
   * Gatling's own prefixes are all further than that from ours), two for a segment of six letters or more.
   */
  Config ours(Map<?, ?> properties) {
    Properties ours = new Properties();
    properties.forEach((key, value) -> {
      String name = String.valueOf(key);
      String first = name.split("\\.", 2)[0];
      if (roots.contains(first) || nearestRoot(first).isPresent() || first.equals(STRATEGY)) {
        ours.setProperty(name, String.valueOf(value));
      }
    });
    return ConfigFactory.parseProperties(ours);
  }

  /** One paragraph per key of {@code given} that is not a setting, naming {@code source}. */
  List<String> unknown(Config given, String source) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, ?> entry : given.entrySet()) {
      problemWith(entry.getKey(), source).ifPresent(problems::add);
    }
    return problems;
  }

  private Optional<String> problemWith(String key, String source) {
    String[] parts = key.split("\\.", 3);
    if (parts[0].equals(SCENARIO_ROOT) && parts.length == 3) {
      boolean knownScenario = scenarios.contains(parts[1]);
      if (knownScenario && plain.contains(parts[2])) {
        return Optional.empty();
      }
      String why = knownScenario ? "" : ": there is no scenario '" + parts[1] + "' (the scenarios are " + String.join(" | ", scenarios) + ")";
      return Optional.of(unknownKey(key, source, why, scopedSuggestion(parts[1], parts[2])));
    }
    if (plain.contains(key)) {
      return Optional.empty();
    }
    if (parts[0].equals(STRATEGY)) {
      return Optional.of(unknownKey(key, source, ": the connection pattern is the simulation's own (its MongoDsl protocol's"
          + " .connections(...)), and no setting changes it; run the simulation of the pattern meant"
          + " (-Dgatling.simulationClass=ClientPerRequestSimulation, PooledSimulation or RawSocketSimulation)", Optional.empty()));
    }
    return Optional.of(unknownKey(key, source, "", suggestion(key)));
  }

  private static String unknownKey(String key, String source, String why, Optional<String> suggestion) {
    return "Unknown setting '" + key + "' (from " + source + ")" + why + "." + KeySuggestion.sentence(suggestion)
        + " docs/settings.md lists every setting with its default.";
  }

  /** The key meant: its first segment put right when it is a near miss of ours, then the nearest key. */
  private Optional<String> suggestion(String key) {
    String[] parts = key.split("\\.", 2);
    String root = roots.contains(parts[0]) ? parts[0] : nearestRoot(parts[0]).orElse(parts[0]);
    if (root.equals(SCENARIO_ROOT) && parts.length == 2 && parts[1].contains(".")) {
      String[] scoped = parts[1].split("\\.", 2);
      return scopedSuggestion(scoped[0], scoped[1]);
    }
    return KeySuggestion.nearest(parts.length == 2 ? root + "." + parts[1] : root, plain, KeySuggestion.MAX_KEY_DISTANCE);
  }

  /** {@code scenario.<name>.<key>} with the nearest scenario and the nearest key; scenario names are long, so a third of one may be off. */
  private Optional<String> scopedSuggestion(String name, String key) {
    Optional<String> scenario = scenarios.contains(name) ? Optional.of(name)
        : KeySuggestion.nearest(name, scenarios, Math.max(KeySuggestion.MAX_KEY_DISTANCE, name.length() / 3));
    Optional<String> setting = plain.contains(key) ? Optional.of(key) : KeySuggestion.nearest(key, plain, KeySuggestion.MAX_KEY_DISTANCE);
    return scenario.flatMap(s -> setting.map(k -> SCENARIO_ROOT + "." + s + "." + k));
  }

  private Optional<String> nearestRoot(String segment) {
    return KeySuggestion.nearest(segment, roots, segment.length() < 6 ? 1 : 2);
  }
}
