package lab.portexhaustion.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a simulation's own protocol says (MongoDsl's {@code mongo()}): its connection pattern, and each value it sets,
 * empty where it says nothing. One layer of the settings, above the scenario defaults and below {@code harness.conf}
 * and {@code -D} (docs/settings.md); the scenario it describes ({@link #scenario()}) is the run's identity, which the
 * stronger layers may not change. Immutable.
 *
 * @param simulation the simulation's name, for messages
 * @param connections how requests hold their connections
 * @param server where the load goes, and the embedded server's limits
 * @param pool the pooled client's knobs
 * @param load the arrival profile, when the protocol gives one
 * @param expectation what the verdict expects, when the protocol says
 */
public record ProtocolSettings(
    String simulation,
    StrategyKind connections,
    Server server,
    Pool pool,
    Optional<Arrivals> load,
    Optional<Expectation> expectation) {

  /**
   * The target and the embedded server's limits ({@code target}, {@code container.image}, {@code uri},
   * {@code embedded.*}).
   */
  public record Server(
      TargetKind target,
      Optional<String> containerImage,
      Optional<String> uri,
      Optional<Integer> maxIncomingConnections,
      Optional<Duration> idleTimeout,
      Optional<Integer> maxDescriptors) {

    public static Server of(TargetKind target) {
      return new Server(target, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Server withContainerImage(String image) {
      return new Server(target, Optional.of(image), uri, maxIncomingConnections, idleTimeout, maxDescriptors);
    }

    public Server withUri(String connectionString) {
      return new Server(target, containerImage, Optional.of(connectionString), maxIncomingConnections, idleTimeout, maxDescriptors);
    }

    public Server withMaxIncomingConnections(int connections) {
      return new Server(target, containerImage, uri, Optional.of(connections), idleTimeout, maxDescriptors);
    }

    public Server withIdleTimeout(Duration timeout) {
      return new Server(target, containerImage, uri, maxIncomingConnections, Optional.of(timeout), maxDescriptors);
    }

    public Server withMaxDescriptors(int descriptors) {
      return new Server(target, containerImage, uri, maxIncomingConnections, idleTimeout, Optional.of(descriptors));
    }

    /** The limits this protocol describes; one it does not set is off, as in the built-in defaults. */
    public ServerLimits limits() {
      return new ServerLimits(maxIncomingConnections.orElse(0), idleTimeout.orElse(Duration.ZERO), maxDescriptors.orElse(0));
    }

    /** As a record's own text, with the connection string masked. */
    @Override
    public String toString() {
      return "Server[target=" + target + ", containerImage=" + containerImage + ", uri=" + uri.map(UriRedaction::redactValue)
          + ", maxIncomingConnections=" + maxIncomingConnections + ", idleTimeout=" + idleTimeout + ", maxDescriptors=" + maxDescriptors + "]";
    }
  }

  /** The pooled client's knobs ({@code pool.*}). */
  public record Pool(
      Optional<Integer> maxPoolSize,
      Optional<Integer> minPoolSize,
      Optional<Integer> maxConnecting,
      Optional<MonitoringMode> serverMonitoringMode) {

    public static final Pool UNSET = new Pool(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public Pool withMaxPoolSize(int connections) {
      return new Pool(Optional.of(connections), minPoolSize, maxConnecting, serverMonitoringMode);
    }

    public Pool withMinPoolSize(int connections) {
      return new Pool(maxPoolSize, Optional.of(connections), maxConnecting, serverMonitoringMode);
    }

    public Pool withMaxConnecting(int connections) {
      return new Pool(maxPoolSize, minPoolSize, Optional.of(connections), serverMonitoringMode);
    }

    public Pool withServerMonitoringMode(MonitoringMode mode) {
      return new Pool(maxPoolSize, minPoolSize, maxConnecting, Optional.of(mode));
    }
  }

  /** The arrival profile ({@code load.startRate}, {@code load.peakRate}, {@code load.rampTime}, {@code load.holdTime}). */
  public record Arrivals(double startRate, double peakRate, Duration rampTime, Duration holdTime) {}

  /** A protocol of {@code simulation} that says nothing but its connection pattern: the automatic target. */
  public static ProtocolSettings of(String simulation, StrategyKind connections) {
    return new ProtocolSettings(simulation, connections, Server.of(TargetKind.AUTO), Pool.UNSET, Optional.empty(), Optional.empty());
  }

  /** The connection pattern and, for a pool, its knobs. */
  public ProtocolSettings with(StrategyKind newConnections, Pool newPool) {
    return new ProtocolSettings(simulation, newConnections, server, newPool, load, expectation);
  }

  public ProtocolSettings with(Server newServer) {
    return new ProtocolSettings(simulation, connections, newServer, pool, load, expectation);
  }

  public ProtocolSettings with(Pool newPool) {
    return new ProtocolSettings(simulation, connections, server, newPool, load, expectation);
  }

  public ProtocolSettings with(Arrivals arrivals) {
    return new ProtocolSettings(simulation, connections, server, pool, Optional.of(arrivals), expectation);
  }

  public ProtocolSettings with(Expectation newExpectation) {
    return new ProtocolSettings(simulation, connections, server, pool, load, Optional.of(newExpectation));
  }

  /** The scenario this protocol describes: its connection pattern against the server limits it sets. */
  public Scenario scenario() {
    return Scenario.of(connections, server.limits());
  }

  /** The values this protocol sets, by settings key: its layer of the settings. */
  Map<String, Object> values() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("target", server.target().configName());
    server.containerImage().ifPresent(image -> values.put("container.image", image));
    server.uri().ifPresent(uri -> values.put("uri", uri));
    server.maxIncomingConnections().ifPresent(limit -> values.put("embedded.maxIncomingConnections", limit));
    server.idleTimeout().ifPresent(timeout -> values.put("embedded.idleTimeout", DurationText.of(timeout)));
    server.maxDescriptors().ifPresent(limit -> values.put("embedded.maxDescriptors", limit));
    pool.maxPoolSize().ifPresent(size -> values.put("pool.maxPoolSize", size));
    pool.minPoolSize().ifPresent(size -> values.put("pool.minPoolSize", size));
    pool.maxConnecting().ifPresent(count -> values.put("pool.maxConnecting", count));
    pool.serverMonitoringMode().ifPresent(mode -> values.put("pool.serverMonitoringMode", mode.configName()));
    load.ifPresent(profile -> {
      values.put("load.startRate", profile.startRate());
      values.put("load.peakRate", profile.peakRate());
      values.put("load.rampTime", DurationText.of(profile.rampTime()));
      values.put("load.holdTime", DurationText.of(profile.holdTime()));
    });
    expectation.ifPresent(expected -> values.put("verdict." + scenario().configName(), expected.configName()));
    return values;
  }
}
