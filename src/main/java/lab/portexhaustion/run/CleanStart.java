package lab.portexhaustion.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import lab.portexhaustion.sockets.SocketEntry;
import lab.portexhaustion.sockets.SocketTable;
import lab.portexhaustion.sockets.TcpState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a simulation start clean: TIME_WAIT left toward the same destination by the previous
 * simulation would make this one fail at once (docs/background.md, "Linux: what decides whether ports run out"). The embedded target takes
 * a fresh port per simulation, so nothing is left toward it; a fixed destination (container,
 * uri) is waited for, with a countdown, up to a bound.
 */
public final class CleanStart {

  private static final Logger LOG = LoggerFactory.getLogger(CleanStart.class);
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

  private CleanStart() {}

  /** What a run found toward its target before the first request, and how long it waited. */
  public record State(long timeWaitAtStart, long timeWaitWhenStarted, long otherSocketsAtStart, double waitedSeconds, String note) {}

  public static State await(SocketTable table, InetSocketAddress endpoint, Duration maxWait) {
    Instant begin = Instant.now();
    TowardTarget first = count(table, endpoint);
    TowardTarget now = first;
    Instant nextReport = begin;
    Instant deadline = begin.plus(maxWait);
    while (now.timeWait() > 0 && Instant.now().isBefore(deadline)) {
      if (!Instant.now().isBefore(nextReport)) {
        long left = Duration.between(Instant.now(), deadline).toSeconds();
        LOG.info("clean start: {} sockets in TIME_WAIT toward {}; waiting for them to drain ({} s left)",
            now.timeWait(), address(endpoint), left);
        nextReport = Instant.now().plus(REPORT_EVERY);
      }
      sleep(POLL);
      now = count(table, endpoint);
    }
    double waited = Duration.between(begin, Instant.now()).toMillis() / 1000.0;
    String note = now.timeWait() == 0
        ? (first.timeWait() == 0 ? "no TIME_WAIT toward the target" : "TIME_WAIT drained in " + Math.round(waited) + " s")
        : now.timeWait() + " sockets still in TIME_WAIT after waiting " + maxWait.toSeconds() + " s (cleanStart.maxDrainWait): this run does not start clean";
    if (now.timeWait() > 0) {
      LOG.warn("clean start: {}", note);
    }
    return new State(first.timeWait(), now.timeWait(), first.other(), waited, note);
  }

  /** True when no socket of this host (in any state, TIME_WAIT included) goes to {@code endpoint}. */
  public static boolean nothingToward(SocketTable table, InetSocketAddress endpoint) {
    TowardTarget sockets = count(table, endpoint);
    return sockets.timeWait() == 0 && sockets.other() == 0;
  }

  /** Sockets toward the endpoint: in TIME_WAIT and in any other state; -1 each when the table cannot be read. */
  private record TowardTarget(long timeWait, long other) {}

  private static TowardTarget count(SocketTable table, InetSocketAddress endpoint) {
    try {
      List<SocketEntry> sockets = table.read();
      long timeWait = 0;
      long other = 0;
      for (SocketEntry s : sockets) {
        if (s.remote().equals(endpoint)) {
          if (s.state() == TcpState.TIME_WAIT) {
            timeWait++;
          } else {
            other++;
          }
        }
      }
      return new TowardTarget(timeWait, other);
    } catch (IOException | RuntimeException e) {
      LOG.warn("clean start: cannot read the socket table ({}); starting without checking for TIME_WAIT", e.toString());
      return new TowardTarget(-1, -1);
    }
  }

  private static String address(InetSocketAddress endpoint) {
    return endpoint.getHostString() + ":" + endpoint.getPort();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
