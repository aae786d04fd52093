package lab.portexhaustion.config;

import java.time.Duration;

/**
 * Limits of the embedded server (settings {@code embedded.*}), each off when 0.
 *
 * @param maxIncomingConnections like mongod's {@code net.maxIncomingConnections}: a connection
 *     beyond this many open ones is closed as soon as it is accepted
 * @param idleTimeout a connection with nothing read or written for this long is closed by the
 *     server (Twisted's site timeout in the incident, docs/background.md)
 */
public record ServerLimits(int maxIncomingConnections, Duration idleTimeout) {

  public static final ServerLimits NONE = new ServerLimits(0, Duration.ZERO);

  public boolean limitsConnections() {
    return maxIncomingConnections > 0;
  }

  public boolean closesIdle() {
    return !idleTimeout.isZero();
  }

  public boolean any() {
    return limitsConnections() || closesIdle();
  }

  /** For logs and reports. */
  public String describe() {
    if (!any()) {
      return "no connection limit, no idle timeout";
    }
    return (limitsConnections() ? "at most " + maxIncomingConnections + " connections" : "no connection limit") + ", "
        + (closesIdle() ? "idle timeout " + idleTimeout.toMillis() / 1000.0 + " s" : "no idle timeout");
  }
}
