package lab.portexhaustion.verdict;

import java.util.Optional;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.config.StrategyKind;

/**
 * The most connections a clean run of a scenario may hold open toward the target, where a
 * clean run has such a bound: a pool holds at most its size (plus monitoring); keep-alive clients
 * against a server with an idle timeout hold about arrival rate x idle timeout (Little's law:
 * each connection lives one idle timeout after its request).
 *
 * @param expected what the model says
 * @param allowed the most a passing run may reach
 */
public record OpenConnectionBound(double expected, int allowed, String description) {

  /**
   * Connections a pooled MongoClient may hold beyond its pool: the monitoring connection, and the
   * round-trip-time monitor of the streaming protocol on a real mongod 4.4+.
   */
  static final int MONITORING_CONNECTIONS = 2;

  /** How far above arrival rate x idle timeout a keep-alive run may go (connections in flight, timer slack). */
  static final double IDLE_TOLERANCE = 0.10;

  public static Optional<OpenConnectionBound> of(Scenario scenario, HarnessSettings settings) {
    if (scenario.strategy() == StrategyKind.POOLED) {
      int max = settings.pool().maxPoolSize() + MONITORING_CONNECTIONS;
      return Optional.of(new OpenConnectionBound(max, max,
          "open sockets at most maxPoolSize " + settings.pool().maxPoolSize() + " + " + MONITORING_CONNECTIONS + " monitoring"));
    }
    if (scenario.strategy() == StrategyKind.KEEP_ALIVE && settings.embedded().closesIdle()) {
      double rate = settings.load().peakRate();
      double timeout = settings.embedded().idleTimeout().toMillis() / 1000.0;
      double expected = rate * timeout;
      int allowed = (int) Math.floor(expected * (1 + IDLE_TOLERANCE));
      return Optional.of(new OpenConnectionBound(expected, allowed, String.format(
          "open connections at most %d, 110 %% of peak rate %.0f/s x idle timeout %.1f s = %.0f", allowed, rate, timeout, expected)));
    }
    return Optional.empty();
  }
}
