package lab.portexhaustion.config;

import com.mongodb.ConnectionString;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Builds {@link HarnessSettings} from the layers of {@link SettingsLayers}, in one order, strongest first: {@code -D}
 * system properties, the user file ({@link SettingsFile}: {@code harness.conf} if there is one, or the file
 * {@code -Dharness.config} names), the simulation's own values (what its MongoDsl protocol says), the scenario defaults
 * and the built-in defaults of {@code harness-defaults.conf}. The scenario is derived from the result, and must be the
 * one the protocol describes. Everything is validated here, before any target starts or any load is sent.
 */
public final class SettingsLoader {

  static final String DEFAULTS_RESOURCE = "harness-defaults.conf";
  private static final String COMMAND_LINE = "-D on the command line";

  private SettingsLoader() {}

  /**
   * The settings of this JVM for {@code protocol}: system properties (with the connection string of {@link UriSource}'s
   * environment variables) over the user file over the protocol over the defaults.
   */
  public static HarnessSettings fromSystem(ProtocolSettings protocol) {
    Properties system = System.getProperties();
    UriSource.warnIfOnThisCommandLine(system);
    return load(UriSource.withEnvironment(system, System.getenv()), SettingsFile.of(system), protocol);
  }

  /** Settings from explicit overrides (as {@code -D} would give them) over {@code userFile} (if it exists) over the defaults, for a pool. */
  public static HarnessSettings load(Map<?, ?> overrides, Path userFile) {
    return load(overrides, userFile, ProtocolSettings.of("The simulation", StrategyKind.POOLED));
  }

  /** As {@link #load(Map, Path)}, with {@code protocol}'s values between the user file and the scenario defaults. */
  public static HarnessSettings load(Map<?, ?> overrides, Path userFile, ProtocolSettings protocol) {
    Config defaults = ConfigFactory.parseResources(SettingsLoader.class, "/" + DEFAULTS_RESOURCE, ConfigParseOptions.defaults().setAllowMissing(false));
    SettingKeys keys = new SettingKeys(defaults);
    List<String> problems = new ArrayList<>();
    Config user = readUserFile(userFile, problems);
    Config commandLine = keys.ours(overrides);
    problems.addAll(keys.unknown(user, userFile.toString()));
    problems.addAll(keys.unknown(commandLine, COMMAND_LINE));
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(withValueProblems(problems, commandLine, userFile, user, protocol, defaults));
    }
    SettingsLayers layers = SettingsLayers.of(protocol.scenario(), commandLine, userFile.toString(), user, protocol, defaults);
    Config merged = layers.merged();
    HarnessSettings settings = read(merged, protocol, reported(merged, defaults));
    ScenarioIdentity.contradiction(protocol, settings, layers).ifPresent(refusal -> {
      throw new InvalidSettingsException(List.of(refusal));
    });
    return settings;
  }

  /**
   * {@code unknownKeys} and, after them, what is wrong with the values, so that one refusal shows every mistake (the
   * unknown keys themselves are not read).
   */
  private static List<String> withValueProblems(List<String> unknownKeys, Config commandLine, Path userFile, Config user,
      ProtocolSettings protocol, Config defaults) {
    List<String> all = new ArrayList<>(unknownKeys);
    try {
      read(SettingsLayers.of(protocol.scenario(), commandLine, userFile.toString(), user, protocol, defaults).merged(), protocol, Map.of());
    } catch (InvalidSettingsException e) {
      all.addAll(e.problems());
    } catch (ConfigException e) {
      // Settings an unknown key left unreadable: that key is named already.
    }
    return all;
  }

  /**
   * Every key of the defaults with its effective value as text (a -D value and a file value of
   * the same setting then compare equal), sorted; the URI, and any connection string given to another key, with its
   * secrets masked.
   */
  private static Map<String, String> reported(Config merged, Config defaults) {
    Map<String, String> values = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> entry : defaults.entrySet()) {
      if (entry.getKey().startsWith(SettingKeys.SCENARIO_ROOT + ".")) {
        continue; // a scenario default shows as the key it sets
      }
      String value = String.valueOf(merged.getValue(entry.getKey()).unwrapped());
      if (entry.getValue().valueType() == ConfigValueType.NUMBER) {
        value = NumberText.of(value);
      }
      // Any value that holds a connection string is redacted as one whole, not only 'uri''s.
      values.put(entry.getKey(), UriRedaction.redactValue(value));
    }
    return Collections.unmodifiableMap(values);
  }

  private static Config readUserFile(Path file, List<String> problems) {
    if (!Files.isRegularFile(file)) {
      return ConfigFactory.empty();
    }
    try {
      return ConfigFactory.parseFile(file.toFile(),
          ConfigParseOptions.defaults().setAllowMissing(false).setIncluder(new RequiredIncludes()));
    } catch (ConfigException e) {
      problems.add("The settings file '" + file + "' cannot be read: " + e.getMessage() + ". Fix the file (HOCON) or remove it.");
      return ConfigFactory.empty();
    }
  }

  /** Each section by its reader, then the rules across sections; every problem at once. */
  private static HarnessSettings read(Config merged, ProtocolSettings protocol, Map<String, String> reported) {
    SettingsReader in = new SettingsReader(merged);
    TargetKind target = SectionReaders.target(in);
    Optional<ConnectionString> uri = SectionReaders.uri(in);
    LoadProfile load = SectionReaders.load(in);
    PoolSettings pool = SectionReaders.pool(in);
    ServerLimits embedded = SectionReaders.embedded(in);
    FleetSettings fleet = SectionReaders.fleet(in);
    HarnessSettings settings = new HarnessSettings(ScenarioIdentity.derive(protocol, target, embedded), target, uri,
        SectionReaders.containerImage(in), SectionReaders.database(in), SectionReaders.collection(in),
        in.choice("operation", OperationKind.class, OperationKind.INSERT_THEN_FIND), load, pool, SectionReaders.timeouts(in),
        SectionReaders.cleanStart(in), embedded, SectionReaders.embeddedMonitoring(in), SectionReaders.sampler(in),
        SectionReaders.verdict(in), fleet, reported);
    CrossFieldRules.uriTargetHasAUri(in, target, in.text("uri"));
    CrossFieldRules.profileSendsSomething(in, load);
    CrossFieldRules.profileWithinTheBound(in, load);
    CrossFieldRules.minPoolAtMostMaxPool(in, pool);
    CrossFieldRules.serverLimitsOnlyForTheEmbeddedServer(in, target, embedded);
    CrossFieldRules.noConnectionLimitForASelectServer(in, embedded);
    CrossFieldRules.clientWithinTheFleet(in, fleet);
    CrossFieldRules.turnWithinReach(in, fleet, Instant.now());
    if (!in.problems().isEmpty()) {
      throw new InvalidSettingsException(in.problems());
    }
    return settings;
  }
}
