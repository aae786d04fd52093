package lab.portexhaustion.config;

import java.time.Duration;
import lab.portexhaustion.Plural;

/**
 * Limits of the embedded server (settings {@code embedded.*}). 0 sets none of its own: no idle timeout, the inherited
 * descriptor limit, and for connections the failure mode's own rule (failing as mongod, the cap of 80 % of the
 * descriptor limit; as the select() server, no limit).
 *
 * @param maxIncomingConnections like mongod's {@code net.maxIncomingConnections}: a connection
 *     beyond this many open ones is closed as soon as it is accepted; failing as mongod, the cap when lower than 80 % of
 *     the descriptor limit
 * @param idleTimeout a connection with nothing read or written for this long is closed by the
 *     server (Twisted's site timeout in the incident, docs/background.md)
 * @param maxDescriptors the server process's own limit on open descriptors (the incident's server
 *     failed at 512); 0: the limit it inherits from the simulation's process
 * @param failureMode what the server does when it is full: refuses past mongod's connection cap, or accepts until its
 *     descriptors run out
 */
public record ServerLimits(int maxIncomingConnections, Duration idleTimeout, int maxDescriptors, EmbeddedFailureMode failureMode) {

  /**
   * The fewest descriptors a server JVM can start with and still accept connections: it holds some 165 to 175 of its own
   * (the jars of the simulation's classpath, pipes, epoll) before its first client.
   */
  public static final int MIN_DESCRIPTORS = 256;
  public static final int MAX_DESCRIPTORS = 1 << 20;
  /**
   * The shortest idle timeout a server may have. A connection goes quiet between its handshake and its first command, and
   * between the probe's commands before the load: milliseconds on an idle machine, hundreds of them on a loaded one (a GC
   * or JIT pause on two shared cores). Shorter, the server would close connections for the harness's own pace, not for
   * idling as a scenario means, and the probe could fail before any load was sent.
   */
  public static final Duration MIN_IDLE_TIMEOUT = Duration.ofSeconds(1);

  public static final ServerLimits NONE = new ServerLimits(0, Duration.ZERO, 0);

  /** Failing as mongod does, the default. */
  public ServerLimits(int maxIncomingConnections, Duration idleTimeout, int maxDescriptors) {
    this(maxIncomingConnections, idleTimeout, maxDescriptors, EmbeddedFailureMode.MONGOD);
  }

  /** Failing as mongod does, without a descriptor limit of its own. */
  public ServerLimits(int maxIncomingConnections, Duration idleTimeout) {
    this(maxIncomingConnections, idleTimeout, 0);
  }

  public boolean limitsConnections() {
    return maxIncomingConnections > 0;
  }

  public boolean closesIdle() {
    return !idleTimeout.isZero();
  }

  public boolean limitsDescriptors() {
    return maxDescriptors > 0;
  }

  /** Whether a setting a limit counts in is set; the failure mode, which always has a value, does not. */
  public boolean any() {
    return limitsConnections() || closesIdle() || limitsDescriptors();
  }

  /** For logs and reports: each setting, the connection limit as the failure mode makes it. */
  public String describe() {
    return connections() + ", " + (closesIdle() ? "idle timeout " + idleTimeout.toMillis() / 1000.0 + " s" : "no idle timeout")
        + (limitsDescriptors() ? ", at most " + maxDescriptors + " descriptors" : "");
  }

  private String connectionCount() {
    return maxIncomingConnections + " " + Plural.of(maxIncomingConnections, "connection");
  }

  private String connections() {
    if (failureMode == EmbeddedFailureMode.SELECT_SERVER) {
      return limitsConnections() ? "at most " + connectionCount() : "no connection limit";
    }
    return limitsConnections()
        ? "at most " + connectionCount() + " (80 % of the descriptor limit when lower)"
        : "connections capped at 80 % of the descriptor limit (where the OS gives one)";
  }
}
