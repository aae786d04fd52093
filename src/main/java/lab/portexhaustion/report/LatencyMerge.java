package lab.portexhaustion.report;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Several runs' requests.hlog read side by side, one wall-clock second at a time: the intervals of every run that fall
 * in a second are added into one histogram. HdrHistogram adds without loss, so a merged second, and the sum of all of
 * them, holds the same counts as a histogram of every run's raw latencies would.
 */
final class LatencyMerge implements Closeable {

  private final List<LatencyLog> logs = new ArrayList<>();
  private final List<Long> startSeconds;

  /** {@code startSeconds}: the wall-clock second each run's second 0 is placed at. */
  LatencyMerge(List<Path> hlogs, List<Long> startSeconds) throws IOException {
    this.startSeconds = List.copyOf(startSeconds);
    try {
      for (Path hlog : hlogs) {
        logs.add(LatencyLog.open(hlog));
      }
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  /** Adds into {@code into} every interval not yet taken that falls at or before wall-clock second {@code wallSecond}. */
  void addUpTo(long wallSecond, Histogram into) throws IOException {
    for (int i = 0; i < logs.size(); i++) {
      LatencyLog log = logs.get(i);
      while (log.peek() != null && startSeconds.get(i) + log.peek().second() <= wallSecond) {
        into.add(log.take().okLatencyMicros());
      }
    }
  }

  /** The index of the first run with intervals left; empty when every log has been read to its end. */
  Optional<Integer> firstWithIntervalsLeft() {
    for (int i = 0; i < logs.size(); i++) {
      if (logs.get(i).peek() != null) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    logs.forEach(LatencyLog::close);
  }
}
