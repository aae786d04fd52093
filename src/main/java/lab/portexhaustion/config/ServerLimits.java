package lab.portexhaustion.config;

import java.time.Duration;

/**
 * Limits of the embedded server (settings {@code embedded.*}), each off when 0.
 *
 * @param maxIncomingConnections like mongod's {@code net.maxIncomingConnections}: a connection
 *     beyond this many open ones is closed as soon as it is accepted
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

  /** For logs and reports. */
  public String describe() {
    if (!any()) {
      return "no connection limit, no idle timeout";
    }
    return (limitsConnections() ? "at most " + maxIncomingConnections + " connections" : "no connection limit") + ", "
        + (closesIdle() ? "idle timeout " + idleTimeout.toMillis() / 1000.0 + " s" : "no idle timeout")
        + (limitsDescriptors() ? ", at most " + maxDescriptors + " descriptors" : "");
  }
}
