package lab.portexhaustion.dsl;

import lab.portexhaustion.config.MonitoringMode;
import lab.portexhaustion.config.ProtocolSettings;
import lab.portexhaustion.config.StrategyKind;

/** How a simulation holds its connections: one of the harness's connection patterns, with its own settings. Immutable. */
public final class Connections {

  private final StrategyKind kind;
  private final ProtocolSettings.Pool pool;

  Connections(StrategyKind kind, ProtocolSettings.Pool pool) {
    this.kind = kind;
    this.pool = pool;
  }

  /**
   * Keeps at least {@code connections} of the pool open from the client's start, as a service that warms its pool
   * ({@code pool.minPoolSize}). For the driver's patterns; the socket patterns have no pool.
   */
  public Connections minPoolSize(int connections) {
    return new Connections(kind, pool.withMinPoolSize(connections));
  }

  /** At most {@code connections} of the pool being opened at once ({@code pool.maxConnecting}). */
  public Connections maxConnecting(int connections) {
    return new Connections(kind, pool.withMaxConnecting(connections));
  }

  /**
   * The driver's monitor polls the server on one connection instead of streaming on two (its monitoring and
   * round-trip-time connections): one connection fewer per client at the server ({@code pool.serverMonitoringMode=poll}).
   */
  public Connections pollingMonitor() {
    return new Connections(kind, pool.withServerMonitoringMode(MonitoringMode.POLL));
  }

  StrategyKind kind() {
    return kind;
  }

  ProtocolSettings.Pool pool() {
    return pool;
  }
}
