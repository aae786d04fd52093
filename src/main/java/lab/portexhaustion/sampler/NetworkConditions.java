package lab.portexhaustion.sampler;

import java.time.Duration;
import java.util.Optional;

/**
 * The kernel settings that decide when a client runs out of ports, as read from this host (or
 * network namespace) at the start of a run.
 *
 * @param os OS name and version, e.g. {@code Linux 6.1.0}
 * @param range the ephemeral port range
 * @param timeWait how long a closed connection holds its port
 * @param twReuse Linux {@code net.ipv4.tcp_tw_reuse} (0 off, 1 on, 2 loopback only); empty elsewhere
 * @param maxTimeWaitBuckets Linux {@code net.ipv4.tcp_max_tw_buckets}; empty elsewhere
 * @param portAllocation how the OS picks a local port: per destination (Linux) or from one global pool
 * @param source where the figures came from, for the reader of a report
 */
public record NetworkConditions(
    String os,
    EphemeralRange range,
    Duration timeWait,
    Optional<Integer> twReuse,
    Optional<Long> maxTimeWaitBuckets,
    PortAllocation portAllocation,
    String source) {

  /** Linux reuses a port per (destination address, port); Windows and macOS take it from one pool for all destinations. */
  public enum PortAllocation {
    PER_DESTINATION,
    GLOBAL
  }

  /** Requests per second a client can sustain when each request uses {@code portsPerRequest} ports: range / (TIME_WAIT x ports). */
  public double kneeRate(double portsPerRequest) {
    return range.size() / (timeWait.toMillis() / 1000.0) / portsPerRequest;
  }
}
