package lab.portexhaustion.config;

import com.mongodb.ConnectionString;
import com.mongodb.MongoConfigurationException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One reader per section of the settings: each reads its keys into their typed record and checks each value on its
 * own; the rules that tie two settings together are {@link CrossFieldRules}.
 */
final class SectionReaders {

  private static final String RATE_CEILING = String.format("%.0f (the most one simulation process injects and"
      + " records; for more, run several load generators: a higher rate only fails as \"harness saturated\")", LoadProfile.MAX_RATE);

  private static final String IDLE_TIMEOUTS = "0s (never close idle connections) or at least "
      + ServerLimits.MIN_IDLE_TIMEOUT.toSeconds() + "s";
  private static final String PERCENT_ENCODING = "In the user name and the password write '/' as %2F, '@' as %40, ':' as %3A,"
      + " '?' as %3F, '#' as %23, '%' as %25 and a blank as %20.";

  private SectionReaders() {}

  static TargetKind target(SettingsReader in) {
    return in.choice("target", TargetKind.class, TargetKind.AUTO);
  }

  /** The connection string; blanks around it (a copy-and-paste slip) are not part of it. Never quotes its password. */
  static Optional<ConnectionString> uri(SettingsReader in) {
    String text = in.text("uri").strip();
    if (text.isBlank()) {
      return Optional.empty();
    }
    if (UriRedaction.hasUnescapedSlashInUserInfo(text)) {
      in.problem("Setting 'uri' (" + UriRedaction.redact(text) + ") has an '@' after a '/': the driver would read the text"
          + " before that '/' as the host and port, and the rest as the database. " + PERCENT_ENCODING);
      return Optional.empty();
    }
    try {
      return Optional.of(new ConnectionString(text));
    } catch (IllegalArgumentException e) {
      // The driver's reason may quote a piece of a password it split at one of these characters: then say what to fix instead.
      String reason = UriRedaction.passwordMayBeQuotedInPieces(text)
          ? "its password has a character that must be percent-encoded. " + PERCENT_ENCODING
          : endSentence(UriRedaction.scrub(e.getMessage(), text));
      in.problem("Setting 'uri' (" + UriRedaction.redact(text) + ") is not a valid MongoDB connection string: " + reason
          + " It must look like mongodb://host[:port][/database][?options] or mongodb+srv://host/..., with user:password@"
          + " before the host for a server that asks for them.");
      return Optional.empty();
    } catch (MongoConfigurationException e) {
      // mongodb+srv: the driver reads the host's TXT record as it reads the string, and a failed lookup ends up here.
      in.problem("Setting 'uri' (" + UriRedaction.redact(text) + ") names its hosts through DNS (mongodb+srv), and the"
          + " lookup failed: " + endSentence(UriRedaction.scrub(e.getMessage(), text)) + " Check the host name and that"
          + " this machine reaches a DNS server, or give the hosts themselves as mongodb://host1:port,host2:port/...");
      return Optional.empty();
    }
  }

  private static String endSentence(String text) {
    return text.endsWith(".") ? text : text + ".";
  }

  static String containerImage(SettingsReader in) {
    String image = in.text("container.image");
    if (isConnectionString(image)) {
      refuseConnectionString(in, "container.image", image, "an image name such as mongo:8.0");
    } else if (!image.contains(":") || image.endsWith(":latest")) {
      in.reject("container.image", "an image with a pinned tag such as mongo:8.0 (not untagged, not :latest), so runs are comparable");
    }
    return image;
  }

  /** The database name. */
  static String database(SettingsReader in) {
    return name(in, "database", MongoNames::databaseProblem);
  }

  /** The collection name. */
  static String collection(SettingsReader in) {
    return name(in, "collection", MongoNames::collectionProblem);
  }

  private static String name(SettingsReader in, String key, Function<String, Optional<String>> serverRefusal) {
    String value = in.text(key);
    if (value.isBlank()) {
      in.reject(key, "a non-empty name");
    } else if (isConnectionString(value)) {
      refuseConnectionString(in, key, value, "a name");
    } else {
      serverRefusal.apply(value).ifPresent(why -> in.reject(key, "a name MongoDB takes, or every request fails: " + why));
    }
    return value;
  }

  private static boolean isConnectionString(String value) {
    return value.contains("://");
  }

  /**
   * A connection string given to a key that is no uri, refused with its secrets masked as a whole: a password with a
   * blank in it, which the driver takes as written, would slip past the masking of connection strings inside a text.
   */
  private static void refuseConnectionString(SettingsReader in, String key, String value, String allowed) {
    in.problem("Setting '" + key + "' has a connection string (" + UriRedaction.redact(value.strip()) + ")" + in.setBy(key)
        + ", but it must be " + allowed + ". A connection string goes to 'uri' (or HARNESS_URI).");
  }

  static LoadProfile load(SettingsReader in) {
    return new LoadProfile(
        in.number("load.startRate", 0, LoadProfile.MAX_RATE, "a number of visits per second (arrivals of the profile) from 0 to " + RATE_CEILING),
        in.number("load.peakRate", Double.MIN_VALUE, LoadProfile.MAX_RATE,
            "a number of visits per second (arrivals of the profile) greater than 0 and at most " + RATE_CEILING),
        in.duration("load.rampTime", Duration.ZERO, "0s or longer"),
        in.duration("load.holdTime", Duration.ZERO, "0s or longer"),
        in.duration("load.maxDuration", Duration.ofSeconds(1), LoadProfile.MAX_DURATION, "from 1s to 48h"),
        in.duration("load.exhaustionGrace", Duration.ZERO, "0s or longer"),
        in.integer("load.workers", 1, LoadProfile.MAX_WORKERS, "a whole number of threads from 1 to " + LoadProfile.MAX_WORKERS),
        in.integer("load.queueCapacity", 1, LoadProfile.MAX_QUEUE, "a whole number from 1 to " + LoadProfile.MAX_QUEUE));
  }

  static PoolSettings pool(SettingsReader in) {
    return new PoolSettings(
        in.integer("pool.maxPoolSize", 1, 100_000, "a whole number from 1 to 100000"),
        in.integer("pool.minPoolSize", 0, 100_000, "a whole number from 0 to 100000"),
        in.duration("pool.maxConnectionIdleTime", Duration.ZERO, "0s (never close idle connections) or longer"),
        in.integer("pool.maxConnecting", 1, 10_000, "a whole number from 1 to 10000"),
        in.choice("pool.serverMonitoringMode", MonitoringMode.class, MonitoringMode.AUTO));
  }

  static Timeouts timeouts(SettingsReader in) {
    return new Timeouts(
        in.duration("timeouts.connect", Duration.ofMillis(1), "at least 1ms"),
        in.duration("timeouts.serverSelection", Duration.ofMillis(1), "at least 1ms"),
        in.duration("timeouts.read", Duration.ofMillis(1), "at least 1ms"));
  }

  static DrainSettings cleanStart(SettingsReader in) {
    Duration margin = in.duration("cleanStart.drainMargin", Duration.ZERO, "0s or longer");
    if (in.text("cleanStart.maxDrainWait").equals("auto")) {
      return new DrainSettings(Optional.empty(), margin);
    }
    return new DrainSettings(Optional.of(in.duration("cleanStart.maxDrainWait", Duration.ZERO,
        "'auto' (this host's TIME_WAIT plus cleanStart.drainMargin), 0s (do not wait) or a longer duration")), margin);
  }

  static ServerLimits embedded(SettingsReader in) {
    ServerLimits embedded = new ServerLimits(
        in.integer("embedded.maxIncomingConnections", 0, 10_000_000, "a whole number of connections from 0 (no limit) to 10000000"),
        in.duration("embedded.idleTimeout", Duration.ZERO, IDLE_TIMEOUTS),
        in.integer("embedded.maxDescriptors", 0, ServerLimits.MAX_DESCRIPTORS, "0 (the limit the simulation's process has) or a whole"
            + " number of descriptors from " + ServerLimits.MIN_DESCRIPTORS + " to " + ServerLimits.MAX_DESCRIPTORS),
        in.choice("embedded.failureMode", EmbeddedFailureMode.class, EmbeddedFailureMode.MONGOD));
    if (!in.refused("embedded.idleTimeout") && embedded.closesIdle() && embedded.idleTimeout().compareTo(ServerLimits.MIN_IDLE_TIMEOUT) < 0) {
      in.reject("embedded.idleTimeout", IDLE_TIMEOUTS + " (shorter, the server would close connections between a handshake and its"
          + " first command, before the harness's own probe could ask it anything)");
    }
    if (!in.refused("embedded.maxDescriptors") && embedded.limitsDescriptors() && embedded.maxDescriptors() < ServerLimits.MIN_DESCRIPTORS) {
      in.reject("embedded.maxDescriptors", "0 (the limit the simulation's process has) or at least " + ServerLimits.MIN_DESCRIPTORS
          + " (the server's JVM needs some descriptors of its own before it accepts a connection)");
    }
    return embedded;
  }

  static EmbeddedMonitoring embeddedMonitoring(SettingsReader in) {
    return in.choice("embedded.monitoring", EmbeddedMonitoring.class, EmbeddedMonitoring.STREAMING);
  }

  static SamplerSettings sampler(SettingsReader in) {
    return new SamplerSettings(
        in.duration("sampler.totalsInterval", Duration.ofMillis(10), "at least 10ms"),
        in.duration("sampler.fullInterval", Duration.ofMillis(100), "at least 100ms"),
        in.number("sampler.maxCpuPercent", 0.1, "a share of one core in percent, 0.1 or more"));
  }

  static VerdictSettings verdict(SettingsReader in) {
    Map<Scenario, Expectation> expectations = new EnumMap<>(Scenario.class);
    Map<Scenario, String> setBy = new EnumMap<>(Scenario.class);
    for (Scenario scenario : Scenario.values()) {
      String key = "verdict." + scenario.configName();
      expectations.put(scenario, in.choice(key, Expectation.class, Expectation.AUTO));
      in.protocolOrigin(key).ifPresent(origin -> setBy.put(scenario, origin));
    }
    return new VerdictSettings(in.choice("verdict.enabled", VerdictSettings.Switch.class, VerdictSettings.Switch.AUTO), expectations,
        setBy);
  }

  /** This run's place in a fleet; its start only for a client of one (a run on its own never waits). */
  static FleetSettings fleet(SettingsReader in) {
    int client = in.integer("fleet.client", 0, FleetSettings.MAX_CLIENTS, "0 (not in a fleet) or this client's number, from 1 to "
        + FleetSettings.MAX_CLIENTS);
    int clients = in.integer("fleet.clients", 0, FleetSettings.MAX_CLIENTS, "0 (not in a fleet) or the fleet's size, from 1 to "
        + FleetSettings.MAX_CLIENTS);
    double startMillis = in.number("fleet.start", 0, Double.MAX_VALUE, "0 (join when ready) or the fleet's start in milliseconds"
        + " since 1970-01-01 UTC");
    Duration interval = in.duration("fleet.joinInterval", Duration.ZERO, CrossFieldRules.FLEET_MAX_WAIT,
        "from 0s to " + CrossFieldRules.FLEET_MAX_WAIT.toMinutes() + "m");
    CrossFieldRules.fleetStartNeedsAClient(in, startMillis, client);
    Optional<Instant> start = startMillis == 0 || client == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli((long) startMillis));
    return new FleetSettings(client, clients, start, interval);
  }
}
