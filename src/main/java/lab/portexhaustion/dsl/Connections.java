package lab.portexhaustion.dsl;

import java.util.LinkedHashMap;
import java.util.Map;
import lab.portexhaustion.config.StrategyKind;

/** How a simulation holds its connections: one of the harness's connection patterns, with its own settings. Immutable. */
public final class Connections {

  private final StrategyKind kind;
  private final Map<String, String> values;

  Connections(StrategyKind kind, Map<String, String> values) {
    this.kind = kind;
    this.values = Map.copyOf(values);
  }

  /**
   * Keeps at least {@code connections} of the pool open from the client's start, as a service that warms its pool
   * ({@code pool.minPoolSize}). For the driver's patterns; the socket patterns have no pool.
   */
  public Connections minPoolSize(int connections) {
    return with("pool.minPoolSize", String.valueOf(connections));
  }

  /** At most {@code connections} of the pool being opened at once ({@code pool.maxConnecting}). */
  public Connections maxConnecting(int connections) {
    return with("pool.maxConnecting", String.valueOf(connections));
  }

  /**
   * The driver's monitor polls the server on one connection instead of streaming on two (its monitoring and
   * round-trip-time connections): one connection fewer per client at the server ({@code pool.serverMonitoringMode=poll}).
   */
  public Connections pollingMonitor() {
    return with("pool.serverMonitoringMode", "poll");
  }

  private Connections with(String key, String value) {
    Map<String, String> next = new LinkedHashMap<>(values);
    next.put(key, value);
    return new Connections(kind, next);
  }

  StrategyKind kind() {
    return kind;
  }

  Map<String, String> values() {
    return values;
  }
}
