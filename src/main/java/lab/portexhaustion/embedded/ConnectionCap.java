package lab.portexhaustion.embedded;

import java.util.Optional;

import lab.portexhaustion.config.EmbeddedFailureMode;
import lab.portexhaustion.config.ServerLimits;

/**
 * How many connections the embedded server holds at most. As mongod: 80 % of the process's descriptor limit, mongod's
 * rule on Linux (the rest is left for its files), or {@code maxIncomingConnections} when that is lower. As a select()
 * server: {@code maxIncomingConnections} alone, which the settings keep at 0 there, so connections are taken until
 * accept fails.
 *
 * <p>The limit is the soft one, which the JVM raises to the hard limit as it starts (HotSpot's {@code MaxFDLimit}, on by
 * default): under {@code prlimit --nofile=N:N} or {@code ulimit -n N} both are N.
 */
final class ConnectionCap {

  /** mongod's share of its descriptor limit for connections. */
  static final double MONGOD_SHARE = 0.8;

  private ConnectionCap() {}

  /**
   * The cap, 0 for none.
   *
   * @param descriptorLimit the server process's descriptor limit; empty where the OS has none (Windows, where mongod too
   *     takes {@code maxIncomingConnections} alone)
   */
  static int of(ServerLimits limits, Optional<Long> descriptorLimit) {
    if (limits.failureMode() == EmbeddedFailureMode.SELECT_SERVER || descriptorLimit.filter(limit -> limit > 0).isEmpty()) {
      return limits.maxIncomingConnections();
    }
    int share = (int) Math.min(Integer.MAX_VALUE, (long) (descriptorLimit.get() * MONGOD_SHARE));
    return limits.limitsConnections() ? Math.min(share, limits.maxIncomingConnections()) : share;
  }
}
