package lab.portexhaustion.config;

import com.mongodb.ConnectionString;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds {@link HarnessSettings} from four layers, strongest first: {@code -D} system
 * properties, the optional user file ({@code ./harness.conf} or {@code -Dharness.config}), the
 * simulation's own values (what its MongoDsl protocol says), and the documented defaults in
 * {@code harness-defaults.conf}. A scenario's own block
 * ({@code scenario.<name>}) is then laid over the result for that scenario. Everything is
 * validated here, before any target starts or any load is sent.
 */
public final class SettingsLoader {

  static final String DEFAULTS_RESOURCE = "harness-defaults.conf";
  static final String USER_FILE_PROPERTY = "harness.config";
  static final Path DEFAULT_USER_FILE = Path.of("harness.conf");
  private static final String SCENARIO_BLOCK = "scenario";
  /** The longest a fleet's client may wait for its turn to join. */
  private static final Duration FLEET_MAX_WAIT = Duration.ofMinutes(10);
  private static final String RATE_CEILING = String.format("%.0f (the most one simulation process injects and"
      + " records; for more, run several load generators: a higher rate only fails as \"harness saturated\")", LoadProfile.MAX_RATE);

  private SettingsLoader() {}

  /** The settings of this JVM for {@code scenario}: system properties over the user file over the defaults. */
  public static HarnessSettings fromSystem(Scenario scenario, Map<String, String> simulationValues) {
    Properties system = System.getProperties();
    Path userFile = Optional.ofNullable(system.getProperty(USER_FILE_PROPERTY)).map(Path::of).orElse(DEFAULT_USER_FILE);
    return load(system, userFile, scenario, simulationValues);
  }

  /** Settings from explicit overrides (as {@code -D} would give them) over {@code userFile} (if it exists) over the defaults. */
  public static HarnessSettings load(Map<?, ?> overrides, Path userFile) {
    return load(overrides, userFile, Scenario.POOLED);
  }

  /** As {@link #load(Map, Path)}, with {@code scenario}'s own block laid over the rest. */
  public static HarnessSettings load(Map<?, ?> overrides, Path userFile, Scenario scenario) {
    return load(overrides, userFile, scenario, Map.of());
  }

  /**
   * As {@link #load(Map, Path, Scenario)} with the simulation's own values ({@code simulationValues}, keys as in the
   * defaults) between the user file and the defaults: the settings file and {@code -D} override them.
   */
  public static HarnessSettings load(Map<?, ?> overrides, Path userFile, Scenario scenario, Map<String, String> simulationValues) {
    Config defaults = ConfigFactory.parseResources(SettingsLoader.class, "/" + DEFAULTS_RESOURCE, ConfigParseOptions.defaults().setAllowMissing(false));
    List<String> problems = new ArrayList<>();
    Config user = readUserFile(userFile, problems);
    Config commandLine = onlyHarnessKeys(overrides, defaults.root().keySet());
    Config simulation = ConfigFactory.parseMap(simulationValues, "the simulation's MongoDsl protocol");
    problems.addAll(unknownKeys(user, defaults, userFile.toString()));
    problems.addAll(unknownKeys(commandLine, defaults, "-D on the command line"));
    problems.addAll(unknownKeys(simulation, defaults, "the simulation's MongoDsl protocol"));
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
    Config merged = withScenarioBlock(commandLine.withFallback(user).withFallback(simulation).withFallback(defaults).resolve(), scenario);
    return read(merged, reported(merged, defaults));
  }

  /**
   * The scenario's block wins over the same keys outside it, whatever layer they came from: a
   * scenario such as keep-alive-idle-timeout is defined by its block. Change it with
   * {@code -Dscenario.<name>.<key>=...}.
   */
  private static Config withScenarioBlock(Config merged, Scenario scenario) {
    String block = SCENARIO_BLOCK + "." + scenario.configName();
    return merged.hasPath(block) ? merged.getConfig(block).withFallback(merged) : merged;
  }

  /**
   * Every key of the defaults with its effective value as text (a -D value and a file value of
   * the same setting then compare equal), sorted; the URI with its password masked.
   */
  private static Map<String, String> reported(Config merged, Config defaults) {
    Map<String, String> values = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> entry : defaults.entrySet()) {
      if (entry.getKey().startsWith(SCENARIO_BLOCK + ".")) {
        continue; // already laid over the keys it names
      }
      String value = String.valueOf(merged.getValue(entry.getKey()).unwrapped());
      values.put(entry.getKey(), entry.getKey().equals("uri") ? UriRedaction.redact(value) : value);
    }
    return Collections.unmodifiableMap(values);
  }

  private static Config readUserFile(Path file, List<String> problems) {
    if (!Files.isRegularFile(file)) {
      return ConfigFactory.empty();
    }
    try {
      return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    } catch (ConfigException e) {
      problems.add("The settings file '" + file + "' cannot be read: " + e.getMessage() + ". Fix its syntax (HOCON) or remove it.");
      return ConfigFactory.empty();
    }
  }

  /**
   * System properties hold much besides ours (java.*, user.*, gatling.*); keep only those whose
   * first path segment is one of our top-level keys, so typos inside our namespace still surface.
   */
  private static Config onlyHarnessKeys(Map<?, ?> overrides, Set<String> roots) {
    Properties ours = new Properties();
    overrides.forEach((key, value) -> {
      String name = String.valueOf(key);
      if (roots.contains(name.split("\\.", 2)[0])) {
        ours.setProperty(name, String.valueOf(value));
      }
    });
    return ConfigFactory.parseProperties(ours);
  }

  private static List<String> unknownKeys(Config given, Config defaults, String source) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, ?> entry : given.entrySet()) {
      String key = entry.getKey();
      if (!defaults.hasPathOrNull(key)) {
        problems.add("Unknown setting '" + key + "' (from " + source + ")" + KeySuggestion.forKey(key, defaults)
            + ". docs/settings.md lists every setting with its default.");
      }
    }
    return problems;
  }

  private static HarnessSettings read(Config config, Map<String, String> reported) {
    SettingsReader in = new SettingsReader(config);
    TargetKind target = in.choice("target", TargetKind.class, TargetKind.AUTO);
    Optional<ConnectionString> uri = readUri(in, in.text("uri"));
    if (target == TargetKind.URI && uri.isEmpty() && in.problems().isEmpty()) {
      in.problem("Setting 'target' is 'uri', but 'uri' is empty. Give the MongoDB connection string with"
          + " -Duri=mongodb://host:27017 (or mongodb+srv://...), or choose target=embedded.");
    }
    String image = in.text("container.image");
    if (!image.contains(":") || image.endsWith(":latest")) {
      in.reject("container.image", "an image with a pinned tag such as mongo:8.0 (not untagged, not :latest), so runs are comparable");
    }
    LoadProfile load = new LoadProfile(
        in.number("load.startRate", 0, LoadProfile.MAX_RATE, "a number of requests per second from 0 to " + RATE_CEILING),
        in.number("load.peakRate", Double.MIN_VALUE, LoadProfile.MAX_RATE,
            "a number of requests per second greater than 0 and at most " + RATE_CEILING),
        in.duration("load.rampTime", Duration.ZERO, "0s or longer"),
        in.duration("load.holdTime", Duration.ZERO, "0s or longer"),
        in.duration("load.maxDuration", Duration.ofSeconds(1), LoadProfile.MAX_DURATION, "from 1s to 48h"),
        in.duration("load.exhaustionGrace", Duration.ZERO, "0s or longer"),
        in.integer("load.workers", 1, LoadProfile.MAX_WORKERS, "a whole number of threads from 1 to " + LoadProfile.MAX_WORKERS),
        in.integer("load.queueCapacity", 1, LoadProfile.MAX_QUEUE, "a whole number from 1 to " + LoadProfile.MAX_QUEUE));
    if (load.rampTime().plus(load.holdTime()).isZero()) {
      in.problem("Settings 'load.rampTime' and 'load.holdTime' are both 0s, so no request would ever be sent. Give at least one of them a length.");
    }
    PoolSettings pool = new PoolSettings(
        in.integer("pool.maxPoolSize", 1, 100_000, "a whole number from 1 to 100000"),
        in.integer("pool.minPoolSize", 0, 100_000, "a whole number from 0 to 100000"),
        in.duration("pool.maxConnectionIdleTime", Duration.ZERO, "0s (never close idle connections) or longer"),
        in.integer("pool.maxConnecting", 1, 10_000, "a whole number from 1 to 10000"),
        in.choice("pool.serverMonitoringMode", MonitoringMode.class, MonitoringMode.AUTO));
    if (pool.minPoolSize() > pool.maxPoolSize()) {
      in.problem("Setting 'pool.minPoolSize' is " + pool.minPoolSize() + ", more than 'pool.maxPoolSize' (" + pool.maxPoolSize()
          + "). Make minPoolSize at most maxPoolSize.");
    }
    Timeouts timeouts = new Timeouts(
        in.duration("timeouts.connect", Duration.ofMillis(1), "at least 1ms"),
        in.duration("timeouts.serverSelection", Duration.ofMillis(1), "at least 1ms"),
        in.duration("timeouts.read", Duration.ofMillis(1), "at least 1ms"));
    ServerLimits embedded = new ServerLimits(
        in.integer("embedded.maxIncomingConnections", 0, 10_000_000, "a whole number of connections, 0 (no limit) or more"),
        in.duration("embedded.idleTimeout", Duration.ZERO, "0s (never close idle connections) or longer"),
        in.integer("embedded.maxDescriptors", 0, ServerLimits.MAX_DESCRIPTORS, "0 (the limit the simulation's process has) or a whole"
            + " number of descriptors from " + ServerLimits.MIN_DESCRIPTORS + " to " + ServerLimits.MAX_DESCRIPTORS),
        in.choice("embedded.failureMode", EmbeddedFailureMode.class, EmbeddedFailureMode.MONGOD));
    if (embedded.failureMode() == EmbeddedFailureMode.SELECT_SERVER && embedded.limitsConnections()) {
      in.problem("Setting 'embedded.maxIncomingConnections' is " + embedded.maxIncomingConnections() + ", but 'embedded.failureMode' is"
          + " 'select-server', which takes connections until its descriptors run out and has no connection limit. Set"
          + " embedded.failureMode=mongod for a server that refuses past a limit, or embedded.maxIncomingConnections=0.");
    }
    if (embedded.limitsDescriptors() && embedded.maxDescriptors() < ServerLimits.MIN_DESCRIPTORS) {
      in.reject("embedded.maxDescriptors", "0 (the limit the simulation's process has) or at least " + ServerLimits.MIN_DESCRIPTORS
          + " (the server's JVM needs some descriptors of its own before it accepts a connection)");
    }
    if (embedded.any() && (target == TargetKind.CONTAINER || target == TargetKind.URI)) {
      in.problem("The embedded server's limits are set (" + embedded.describe() + "), but 'target' is '" + target.configName()
          + "': they apply only to the built-in server, and a real mongod has no idle timeout. Run with -Dtarget=embedded"
          + " (target=auto chooses it when a limit is set), or set embedded.maxIncomingConnections=0, embedded.idleTimeout=0s and embedded.maxDescriptors=0.");
    }
    HarnessSettings settings = new HarnessSettings(
        target,
        uri,
        image,
        nonBlank(in, "database"),
        nonBlank(in, "collection"),
        in.choice("operation", OperationKind.class, OperationKind.INSERT_THEN_FIND),
        load,
        pool,
        timeouts,
        readDrain(in),
        embedded,
        in.choice("embedded.monitoring", EmbeddedMonitoring.class, EmbeddedMonitoring.STREAMING),
        new SamplerSettings(
            in.duration("sampler.totalsInterval", Duration.ofMillis(10), "at least 10ms"),
            in.duration("sampler.fullInterval", Duration.ofMillis(100), "at least 100ms"),
            in.number("sampler.maxCpuPercent", 0.1, "a share of one core in percent, 0.1 or more")),
        readVerdict(in),
        readFleet(in),
        reported);
    if (!in.problems().isEmpty()) {
      throw new InvalidSettingsException(in.problems());
    }
    return settings;
  }

  private static DrainSettings readDrain(SettingsReader in) {
    Duration margin = in.duration("cleanStart.drainMargin", Duration.ZERO, "0s or longer");
    if (in.text("cleanStart.maxDrainWait").equals("auto")) {
      return new DrainSettings(Optional.empty(), margin);
    }
    return new DrainSettings(Optional.of(in.duration("cleanStart.maxDrainWait", Duration.ZERO,
        "'auto' (this host's TIME_WAIT plus cleanStart.drainMargin), 0s (do not wait) or a longer duration")), margin);
  }

  /** The fleet's start must be near: a client never waits long for its turn, and every run ends by itself. */
  private static FleetSettings readFleet(SettingsReader in) {
    int client = in.integer("fleet.client", 0, FleetSettings.MAX_CLIENTS, "0 (not in a fleet) or this client's number, from 1 to "
        + FleetSettings.MAX_CLIENTS);
    int clients = in.integer("fleet.clients", 0, FleetSettings.MAX_CLIENTS, "0 (not in a fleet) or the fleet's size, from 1 to "
        + FleetSettings.MAX_CLIENTS);
    double startMillis = in.number("fleet.start", 0, Double.MAX_VALUE, "0 (join when ready) or the fleet's start in milliseconds"
        + " since 1970-01-01 UTC");
    Duration interval = in.duration("fleet.joinInterval", Duration.ZERO, FLEET_MAX_WAIT, "from 0s to " + FLEET_MAX_WAIT.toMinutes() + "m");
    if (client > clients) {
      in.problem("Setting 'fleet.client' is " + client + ", but 'fleet.clients' is " + clients + ": a client's number runs from 1 to"
          + " the fleet's size. scripts/fleet-run sets both; set neither for a run on its own.");
    }
    if (startMillis != 0 && client == 0) {
      in.problem("Setting 'fleet.start' is given, but 'fleet.client' is 0: only a fleet's client waits for its turn."
          + " scripts/fleet-run sets both; set neither for a run on its own.");
    }
    Optional<Instant> start = startMillis == 0 || client == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli((long) startMillis));
    FleetSettings fleet = new FleetSettings(client, clients, start, interval);
    fleet.joinAt().ifPresent(at -> {
      Instant now = Instant.now();
      if (at.isAfter(now.plus(FLEET_MAX_WAIT)) || start.get().isBefore(now.minus(FLEET_MAX_WAIT))) {
        in.problem("Settings 'fleet.start' (" + start.get() + ") and 'fleet.joinInterval' (" + interval.toSeconds() + " s) put this"
            + " client's turn at " + at + ", more than " + FLEET_MAX_WAIT.toMinutes() + " minutes from now (" + now + "): "
            + (at.isAfter(now) ? "the run would wait that long before any load." : "the fleet it belongs to started long ago.")
            + " Give the fleet's start as milliseconds since 1970 a little ahead of now, as scripts/fleet-run does.");
      }
    });
    return fleet;
  }

  private static VerdictSettings readVerdict(SettingsReader in) {
    Map<Scenario, Expectation> expectations = new EnumMap<>(Scenario.class);
    for (Scenario scenario : Scenario.values()) {
      expectations.put(scenario, in.choice("verdict." + scenario.configName(), Expectation.class, Expectation.AUTO));
    }
    return new VerdictSettings(in.choice("verdict.enabled", VerdictSettings.Switch.class, VerdictSettings.Switch.AUTO), expectations);
  }

  private static String nonBlank(SettingsReader in, String key) {
    String value = in.text(key);
    if (value.isBlank()) {
      in.reject(key, "a non-empty name");
    }
    return value;
  }

  private static Optional<ConnectionString> readUri(SettingsReader in, String text) {
    if (text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ConnectionString(text));
    } catch (IllegalArgumentException e) {
      in.problem("Setting 'uri' (" + UriRedaction.redact(text) + ") is not a valid MongoDB connection string: "
          + UriRedaction.scrub(e.getMessage(), text)
          + ". It must look like mongodb://[user:password@]host[:port][/database][?options] or mongodb+srv://host/...");
      return Optional.empty();
    }
  }
}
