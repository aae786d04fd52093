package lab.portexhaustion.measure;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import lab.portexhaustion.failure.ClassifiedError;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The harness's own exact record of every request of one run, next to what Gatling logs:
 * Gatling's binary log is not meant to be read back, so summaries and comparisons come from here.
 */
public final class RunMetrics {

  private static final int SIGNIFICANT_DIGITS = 3;

  private final LongAdder started = new LongAdder();
  private final LongAdder succeeded = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final ConcurrentHistogram okLatencyMicros = new ConcurrentHistogram(SIGNIFICANT_DIGITS);
  private final Map<ClassifiedErrorKey, LongAdder> errors = new ConcurrentHashMap<>();
  private final Map<Long, LongAdder> startedPerSecond = new ConcurrentHashMap<>();

  public void started() {
    started.increment();
    startedPerSecond.computeIfAbsent(System.currentTimeMillis() / 1000, second -> new LongAdder()).increment();
  }

  public void succeeded(long latencyNanos) {
    succeeded.increment();
    okLatencyMicros.recordValue(Math.max(1, latencyNanos / 1_000));
  }

  public void failed(ClassifiedError error) {
    failed.increment();
    errors.computeIfAbsent(new ClassifiedErrorKey(error.kind().label(), error.message()), k -> new LongAdder()).increment();
  }

  public long startedCount() {
    return started.sum();
  }

  /** Requests started in the busiest wall-clock second of the run. */
  public long peakStartedPerSecond() {
    return startedPerSecond.values().stream().mapToLong(LongAdder::sum).max().orElse(0);
  }

  public long succeededCount() {
    return succeeded.sum();
  }

  public long failedCount() {
    return failed.sum();
  }

  /** A copy of the OK-latency histogram, in microseconds. */
  public Histogram okLatencyMicros() {
    return okLatencyMicros.copy();
  }

  /** Failure counts by kind and normalised message, sorted. */
  public Map<ClassifiedErrorKey, Long> errorCounts() {
    Map<ClassifiedErrorKey, Long> counts = new TreeMap<>();
    errors.forEach((key, count) -> counts.put(key, count.sum()));
    return counts;
  }

  /** A failure class as counted: the kind's label and the normalised message. */
  public record ClassifiedErrorKey(String kind, String message) implements Comparable<ClassifiedErrorKey> {
    @Override
    public int compareTo(ClassifiedErrorKey other) {
      int byKind = kind.compareTo(other.kind);
      return byKind != 0 ? byKind : message.compareTo(other.message);
    }
  }
}
