package lab.portexhaustion.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import lab.portexhaustion.failure.ClassifiedError;
import lab.portexhaustion.onset.RequestCounts;
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
  private final LongAdder arrivalsServed = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final ConcurrentHistogram okLatencyMicros = new ConcurrentHistogram(SIGNIFICANT_DIGITS);
  private final Map<ClassifiedErrorKey, LongAdder> errors = new ConcurrentHashMap<>();
  private final Map<ClassifiedErrorKey, LongAdder> unexplained = new ConcurrentHashMap<>();
  private final Map<Long, Second> seconds = new ConcurrentHashMap<>();
  private final long startNanos = System.nanoTime();

  /** Counts and OK latencies of one second of the run. */
  private static final class Second {
    final LongAdder started = new LongAdder();
    final LongAdder ok = new LongAdder();
    final LongAdder ko = new LongAdder();
    final ConcurrentHistogram okLatencyMicros = new ConcurrentHistogram(SIGNIFICANT_DIGITS);
  }

  private Second now() {
    return seconds.computeIfAbsent((System.nanoTime() - startNanos) / 1_000_000_000L, second -> new Second());
  }

  public void started() {
    started.increment();
    now().started.increment();
  }

  /** A virtual user's first request that succeeded: the unit the model counts per, as the injection profile does. */
  public void arrivalServed() {
    arrivalsServed.increment();
  }

  /** Virtual users with at least one request that succeeded. */
  public long arrivalsServedCount() {
    return arrivalsServed.sum();
  }

  public void succeeded(long latencyNanos) {
    long micros = Math.max(1, latencyNanos / 1_000);
    succeeded.increment();
    okLatencyMicros.recordValue(micros);
    Second second = now();
    second.ok.increment();
    second.okLatencyMicros.recordValue(micros);
  }

  public void failed(ClassifiedError error) {
    failed.increment();
    now().ko.increment();
    errors.computeIfAbsent(new ClassifiedErrorKey(error.kind().label(), error.message()), k -> new LongAdder()).increment();
  }

  /** Counts a failure that exhaustion does not explain: not exhaustion-class, and before any exhaustion began. */
  public void unexplained(ClassifiedError error) {
    unexplained.computeIfAbsent(new ClassifiedErrorKey(error.kind().label(), error.message()), k -> new LongAdder()).increment();
  }

  /** The counts now. */
  public RequestCounts counts() {
    return new RequestCounts(started.sum(), succeeded.sum(), failed.sum());
  }

  public long startedCount() {
    return started.sum();
  }

  /** Requests started in the busiest second of the run. */
  public long peakStartedPerSecond() {
    return seconds.values().stream().mapToLong(s -> s.started.sum()).max().orElse(0);
  }

  /** Every second of the run so far, in order, including the quiet ones. */
  public List<SecondStats> perSecond() {
    long last = seconds.keySet().stream().mapToLong(Long::longValue).max().orElse(-1);
    List<SecondStats> rows = new ArrayList<>();
    for (long i = 0; i <= last; i++) {
      Second s = seconds.get(i);
      if (s == null) {
        rows.add(new SecondStats(i, 0, 0, 0, 0, 0, 0));
        continue;
      }
      Histogram latency = s.okLatencyMicros.copy();
      rows.add(new SecondStats(i, s.started.sum(), s.ok.sum(), s.ko.sum(),
          millis(latency, 50), millis(latency, 95), millis(latency, 99)));
    }
    return rows;
  }

  private static double millis(Histogram histogram, double percentile) {
    return histogram.getTotalCount() == 0 ? 0 : Math.round(histogram.getValueAtPercentile(percentile) / 10.0) / 100.0;
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
    return sorted(errors);
  }

  /** The failures exhaustion does not explain (see {@link #unexplained}), by kind and message, sorted. */
  public Map<ClassifiedErrorKey, Long> unexplainedCounts() {
    return sorted(unexplained);
  }

  private static Map<ClassifiedErrorKey, Long> sorted(Map<ClassifiedErrorKey, LongAdder> adders) {
    Map<ClassifiedErrorKey, Long> counts = new TreeMap<>();
    adders.forEach((key, count) -> counts.put(key, count.sum()));
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
