package lab.portexhaustion.config;

/**
 * What one simulation reproduces: a strategy, and the resource it is expected to run out of. Derived from the
 * connection pattern and the embedded server's limits ({@link #of}); settings can be given for one scenario only
 * ({@code scenario.<name>.<key>}), and the verdict expects per scenario ({@code verdict.<name>}).
 */
public enum Scenario implements ConfigName {
  POOLED(StrategyKind.POOLED, Family.PORTS),
  CLIENT_PER_REQUEST(StrategyKind.CLIENT_PER_REQUEST, Family.PORTS),
  RAW_SOCKET(StrategyKind.RAW_SOCKET, Family.PORTS),
  /** The incident's second failure with a driver: a MongoClient per virtual user, never closed. */
  LEAKED_CLIENT(StrategyKind.LEAKED_CLIENT, Family.IDLE_CONNECTIONS),
  /** The incident's second failure as it happened: keep-alive connections left idle, a server that never times them out. */
  KEEP_ALIVE(StrategyKind.KEEP_ALIVE, Family.IDLE_CONNECTIONS),
  /** The same clients against a server that closes idle connections: the incident's fix. */
  KEEP_ALIVE_IDLE_TIMEOUT(StrategyKind.KEEP_ALIVE, Family.IDLE_CONNECTIONS),
  /**
   * The incident's second failure where it happened: keep-alive clients against a server with few descriptors of its own
   * (512, as the incident's) and no idle timeout. The server runs out; the clients do not.
   */
  KEEP_ALIVE_SERVER_LIMIT(StrategyKind.KEEP_ALIVE, Family.IDLE_CONNECTIONS),
  /** The same load against the same server with an idle timeout: the incident's fix, on the server's side. */
  KEEP_ALIVE_SERVER_LIMIT_IDLE_TIMEOUT(StrategyKind.KEEP_ALIVE, Family.IDLE_CONNECTIONS),
  /**
   * Healthy pooled clients against a server with a connection limit: each holds its pool and its monitors' connections,
   * and a fleet of them adds these up at the server until it refuses the next one.
   */
  POOL_STORM(StrategyKind.POOLED, Family.IDLE_CONNECTIONS);

  /** Scenarios compared side by side: one comparison per family. */
  public enum Family implements ConfigName {
    /** Connection churn: ephemeral ports held in TIME_WAIT. */
    PORTS,
    /** Connections kept open: descriptors, and the server's connection slots. */
    IDLE_CONNECTIONS
  }

  private final StrategyKind strategy;
  private final Family family;

  Scenario(StrategyKind strategy, Family family) {
    this.strategy = strategy;
    this.family = family;
  }

  /**
   * The scenario of {@code strategy} against a server with {@code limits}, the one place that decides it: a pool
   * against a server with a connection limit is the pool storm; keep-alive sockets against a server with a descriptor
   * limit of its own run that server out, unless it closes idle connections; the other limits do not change what a
   * pattern reproduces.
   */
  public static Scenario of(StrategyKind strategy, ServerLimits limits) {
    return switch (strategy) {
      case POOLED -> limits.limitsConnections() ? POOL_STORM : POOLED;
      case CLIENT_PER_REQUEST -> CLIENT_PER_REQUEST;
      case RAW_SOCKET -> RAW_SOCKET;
      case LEAKED_CLIENT -> LEAKED_CLIENT;
      case KEEP_ALIVE -> limits.limitsDescriptors()
          ? (limits.closesIdle() ? KEEP_ALIVE_SERVER_LIMIT_IDLE_TIMEOUT : KEEP_ALIVE_SERVER_LIMIT)
          : (limits.closesIdle() ? KEEP_ALIVE_IDLE_TIMEOUT : KEEP_ALIVE);
    };
  }

  public StrategyKind strategy() {
    return strategy;
  }

  public Family family() {
    return family;
  }

  /**
   * Whether a server that refuses or drops new connections counts as this scenario's exhaustion:
   * for idle connections it does (a server out of descriptors, or at its connection limit, closes
   * new ones); for churn it is a different failure.
   */
  public boolean serverRefusalIsExhaustion() {
    return family == Family.IDLE_CONNECTIONS;
  }
}
