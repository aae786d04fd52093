package lab.portexhaustion.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.sockets.SocketEntry;
import lab.portexhaustion.sockets.SocketTable;
import lab.portexhaustion.sockets.TcpState;
import lab.portexhaustion.record.CleanStartState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a simulation start clean: ports the previous simulation left in TIME_WAIT would make this
 * one fail at once. Which sockets count is the {@link DrainScope}'s business; they are waited
 * for, with a countdown, up to a bound.
 */
public final class CleanStart {

  private static final Logger LOG = LoggerFactory.getLogger(CleanStart.class);
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final Duration REPORT_EVERY = Duration.ofSeconds(5);
  static final String UNREAD = "the socket table could not be read: not checked";
  static final String UNREAD_WHILE_WAITING = "the socket table could not be read any more: not checked after waiting ";

  /** The passing of time, replaceable in tests. */
  interface Clock {
    Instant now();

    void sleep(Duration duration);
  }

  private static final Clock SYSTEM = new Clock() {
    @Override
    public Instant now() {
      return Instant.now();
    }

    @Override
    public void sleep(Duration duration) {
      try {
        Thread.sleep(duration.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  };

  private CleanStart() {}

  public static CleanStartState await(SocketTable table, DrainScope scope, Duration maxWait) {
    return await(table, scope, maxWait, SYSTEM);
  }

  static CleanStartState await(SocketTable table, DrainScope scope, Duration maxWait, Clock clock) {
    Instant begin = clock.now();
    Optional<Count> first = count(table, scope);
    if (first.isEmpty()) {
      return new CleanStartState(Optional.empty(), Optional.empty(), Optional.empty(), 0, UNREAD);
    }
    Optional<Count> now = first;
    Instant nextReport = begin;
    Instant deadline = begin.plus(maxWait);
    while (now.isPresent() && now.get().timeWait() > 0 && clock.now().isBefore(deadline)) {
      if (!clock.now().isBefore(nextReport)) {
        LOG.info("clean start: {} sockets in TIME_WAIT {}; waiting for them to drain ({} s left)",
            now.get().timeWait(), scope.describe(), Duration.between(clock.now(), deadline).toSeconds());
        nextReport = clock.now().plus(REPORT_EVERY);
      }
      clock.sleep(POLL);
      now = count(table, scope);
    }
    double waited = Duration.between(begin, clock.now()).toMillis() / 1000.0;
    Optional<Long> left = now.map(Count::timeWait);
    String note = left.isEmpty() ? UNREAD_WHILE_WAITING + Math.round(waited) + " s"
        : left.get() == 0
            ? (first.get().timeWait() == 0 ? "no TIME_WAIT " + scope.describe() : "TIME_WAIT " + scope.describe() + " drained in " + Math.round(waited) + " s")
            : left.get() + " sockets still in TIME_WAIT " + scope.describe() + " after waiting " + maxWait.toSeconds()
                + " s (cleanStart.maxDrainWait): this run does not start clean";
    if (left.orElse(0L) > 0) {
      LOG.warn("clean start: {}", note);
    }
    return new CleanStartState(first.map(Count::timeWait), left, first.map(Count::other), waited, note);
  }

  /** True when no socket of this host (in any state, TIME_WAIT included) goes to {@code endpoint}; false when the table cannot be read. */
  public static boolean nothingToward(SocketTable table, InetSocketAddress endpoint) {
    try {
      return table.read().stream().noneMatch(s -> s.remote().equals(endpoint));
    } catch (IOException | RuntimeException e) {
      LOG.warn("clean start: cannot read the socket table ({})", e.toString());
      return false;
    }
  }

  /** TIME_WAIT sockets in the scope, and sockets toward the target in other states. */
  private record Count(long timeWait, long other) {}

  /** The sockets the scope counts; empty when the table cannot be read. */
  private static Optional<Count> count(SocketTable table, DrainScope scope) {
    try {
      List<SocketEntry> sockets = table.read();
      long timeWait = 0;
      long other = 0;
      for (SocketEntry s : sockets) {
        if (scope.holdsAPort(s)) {
          timeWait++;
        } else if (s.state() != TcpState.TIME_WAIT && scope.targets().contains(s.remote())) {
          other++;
        }
      }
      return Optional.of(new Count(timeWait, other));
    } catch (IOException | RuntimeException e) {
      LOG.warn("clean start: cannot read the socket table ({}); starting without checking for TIME_WAIT", e.toString());
      return Optional.empty();
    }
  }
}
