package lab.portexhaustion.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.PoolSettings;
import lab.portexhaustion.config.StrategyKind;

/**
 * The resources each strategy's requests take, as known before any load (docs/verdict.md has the
 * figures and where they come from). The run measures the figure per request later and the
 * verdict uses the measured one where there is one.
 */
public final class KnownUse {

  private KnownUse() {}

  /** Every resource a request of {@code strategy} takes, with its known figure per request. */
  public static List<ResourceUse> of(StrategyKind strategy, ServerSide server, HarnessSettings settings, Duration timeWait) {
    Optional<Duration> untilTimeWaitEnds = Optional.of(timeWait);
    int clientConnections = 1 + server.monitoringConnections();
    String clientBasis = "a client's pool connection and " + server.monitoringConnections() + " monitoring ("
        + (server.streamingMonitor() ? "streaming heartbeats: monitor and round-trip-time connections" : "polling heartbeats") + ")";
    return switch (strategy) {
      case POOLED -> List.of(poolPlateau(server, settings), poolAtTheServer(server, settings));
      case CLIENT_PER_REQUEST -> List.of(new ResourceUse(Resource.EPHEMERAL_PORTS, clientConnections, untilTimeWaitEnds, clientBasis));
      case RAW_SOCKET -> List.of(new ResourceUse(Resource.EPHEMERAL_PORTS, 1, untilTimeWaitEnds, "one connection per request"));
      case KEEP_ALIVE -> keptOpen(1, settings.embedded().closesIdle() ? Optional.of(settings.embedded().idleTimeout()) : Optional.empty(),
          "one connection per request", server, settings);
      case LEAKED_CLIENT -> keptOpen(clientConnections, Optional.empty(), clientBasis, server, settings);
    };
  }

  /**
   * Connections kept open: descriptors on this side (both sides when the server shares the process), the server's own
   * descriptors when it runs in a process of its own, and the server's slots (where it says how many it has). Of these,
   * the one that runs out first decides.
   */
  private static List<ResourceUse> keptOpen(int connections, Optional<Duration> hold, String basis, ServerSide server,
      HarnessSettings settings) {
    List<ResourceUse> uses = new ArrayList<>();
    uses.add(new ResourceUse(Resource.DESCRIPTORS, connections * server.descriptorsPerConnection(), hold,
        basis + (server.sameProcess() ? ", both ends in this process" : "")));
    if (!server.sameProcess()) {
      uses.add(new ResourceUse(Resource.SERVER_DESCRIPTORS, connections, hold, basis + ", the server's end"));
    }
    uses.add(new ResourceUse(Resource.SERVER_CONNECTIONS, connections, hold, basis));
    return uses;
  }

  /**
   * A pooled client's ports: one per connection it holds, its pool's and its monitors'. The pool opens a connection when
   * a request finds none idle and keeps it, so it grows to the most requests that ever ran at once and stays there:
   * from its minimum (at least the one connection its requests take in turn) up to {@code maxPoolSize}, and never
   * beyond the workers that run the requests ({@code load.workers}).
   */
  private static ResourceUse poolPlateau(ServerSide server, HarnessSettings settings) {
    PoolSettings pool = settings.pool();
    int monitors = server.monitoringConnections();
    int least = Math.max(1, pool.minPoolSize());
    int most = Math.max(least, Math.min(pool.maxPoolSize(), settings.load().workers()));
    return ResourceUse.plateau(Resource.EPHEMERAL_PORTS, new Plateau(least + monitors, most + monitors), String.format(
        "a pool of %d to %d connections, as many as its requests run at once (minPoolSize %d, maxPoolSize %d, load.workers %d),"
            + " and %d monitoring", least, most, pool.minPoolSize(), pool.maxPoolSize(), settings.load().workers(), monitors));
  }

  /**
   * A pooled client's connections at the server, from its start to its end: the pool's minimum (at least the one
   * connection its requests take in turn) and its monitors'. A fleet of such clients adds these up at one server
   * (the pool storm). A pool that grows beyond its minimum under concurrent requests takes more than this.
   */
  private static ResourceUse poolAtTheServer(ServerSide server, HarnessSettings settings) {
    int pool = Math.max(1, settings.pool().minPoolSize());
    return new ResourceUse(Resource.SERVER_CONNECTIONS, 0, Optional.empty(), String.format("a pool of %d (minPoolSize %d, at least"
        + " one in use) and %d monitoring connection(s)", pool, settings.pool().minPoolSize(), server.monitoringConnections()),
        pool + server.monitoringConnections());
  }
}
