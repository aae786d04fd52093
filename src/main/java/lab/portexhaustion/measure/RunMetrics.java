package lab.portexhaustion.measure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import lab.portexhaustion.failure.ClassifiedError;
import lab.portexhaustion.failure.ErrorKind;
import lab.portexhaustion.onset.RequestCounts;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The harness's own exact record of every request of one run, next to what Gatling logs:
 * Gatling's binary log is not meant to be read back, so summaries and comparisons come from here.
 *
 * <p>Memory stays bounded however long the run: OK latencies go into HdrHistogram's {@link Recorder}, whose interval
 * is closed once a second ({@link #closeSecond()}); the closed interval is added to the run's total, handed to the
 * {@link IntervalSink} (requests.hlog) and reused for the next second. What is kept per second is one small row of
 * counts and percentiles.
 */
public final class RunMetrics {

  private static final int SIGNIFICANT_DIGITS = 3;

  private final LongAdder started = new LongAdder();
  private final LongAdder succeeded = new LongAdder();
  private final LongAdder arrivalsServed = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder notBuilt = new LongAdder();
  // Each request that could not be built, in the order each first failed: a simulation with two broken requests gets
  // both named at once. Locked: only requests that send nothing come here.
  private final Map<String, NotBuiltTally> notBuiltByRequest = new LinkedHashMap<>();
  // When the first request started and the last one succeeded (epoch ms, 0 before), and the requests left unanswered
  // since that success: whether the target answered to the end. Each written without a lock: a request counted a
  // moment early or late does not change what they show.
  private volatile long firstStartedMillis;
  private volatile long lastOkMillis;
  private final LongAdder unansweredSinceLastOk = new LongAdder();
  private final Recorder okLatencyMicros = new Recorder(SIGNIFICANT_DIGITS);
  private final Map<ClassifiedErrorKey, LongAdder> errors = new ConcurrentHashMap<>();
  private final Map<ClassifiedErrorKey, LongAdder> unexplained = new ConcurrentHashMap<>();
  private final IntervalSink intervals;
  // Guarded by this: written only when a second closes.
  private final Histogram total = new Histogram(SIGNIFICANT_DIGITS);
  private final List<SecondStats> seconds = new ArrayList<>();
  private Histogram recycled;
  private long startedBefore;
  private long failedBefore;

  public RunMetrics(IntervalSink intervals) {
    this.intervals = intervals;
  }

  public void started() {
    started.increment();
    if (firstStartedMillis == 0) {
      firstStartedMillis = System.currentTimeMillis();
    }
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
    succeeded.increment();
    okLatencyMicros.recordValue(Math.max(1, latencyNanos / 1_000));
    lastOkMillis = System.currentTimeMillis();
    unansweredSinceLastOk.reset();
  }

  public void failed(ClassifiedError error) {
    failed.increment();
    count(errors, error);
  }

  /**
   * A request the simulation could not build (its {@link ErrorKind#NOT_BUILT} error): a KO as Gatling counts it, never
   * started, so in no figure of sockets, nor in the counts the onset is given.
   */
  public void notBuilt(String request, ClassifiedError error) {
    notBuilt.increment();
    synchronized (notBuiltByRequest) {
      notBuiltByRequest.computeIfAbsent(request, r -> new NotBuiltTally(error.message())).count++;
    }
    count(errors, error);
  }

  /** Counts a failure that exhaustion does not explain: not exhaustion-class, and before any exhaustion began. */
  public void unexplained(ClassifiedError error) {
    count(unexplained, error);
    if (error.kind() == ErrorKind.TIMEOUT || error.kind() == ErrorKind.SERVER_REFUSED) {
      unansweredSinceLastOk.increment();
    }
  }

  private static void count(Map<ClassifiedErrorKey, LongAdder> counts, ClassifiedError error) {
    counts.computeIfAbsent(new ClassifiedErrorKey(error.kind(), error.message()), k -> new LongAdder()).increment();
  }

  /** When the first request started (a worker took it); empty before any. */
  public Optional<Instant> firstStarted() {
    long at = firstStartedMillis;
    return at == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
  }

  /** When the last request that succeeded ended; empty before any. */
  public Optional<Instant> lastOk() {
    long at = lastOkMillis;
    return at == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
  }

  /**
   * Requests the target left unanswered since the last one that succeeded (all of them, before any did): timeouts and
   * refusals that exhaustion does not explain. Not a full worker queue, nor a request the simulation got wrong.
   */
  public long unansweredSinceLastOk() {
    return unansweredSinceLastOk.sum();
  }

  /**
   * Ends the run's current second: what started, succeeded and failed since the last call becomes that second's row,
   * its OK latencies are added to the total and handed to the sink. Called at each whole second of the run, and once
   * more when the run has ended, for the last part of a second. Every request is in exactly one second.
   */
  public synchronized void closeSecond() {
    Histogram interval = okLatencyMicros.getIntervalHistogram(recycled);
    long second = seconds.size();
    long startedNow = started.sum();
    long failedNow = failedCount();
    total.add(interval);
    seconds.add(new SecondStats(second, startedNow - startedBefore, interval.getTotalCount(), failedNow - failedBefore,
        LatencyMillis.atPercentile(interval, 50), LatencyMillis.atPercentile(interval, 95),
        LatencyMillis.atPercentile(interval, 99)));
    intervals.interval(second, interval);
    startedBefore = startedNow;
    failedBefore = failedNow;
    recycled = interval;
  }

  /** The counts of the requests sent, now: what the onset is told (a request not built opened no socket). */
  public RequestCounts counts() {
    return new RequestCounts(started.sum(), succeeded.sum(), failed.sum(), arrivalsServed.sum());
  }

  public long startedCount() {
    return started.sum();
  }

  /** Requests started in the busiest closed second of the run. */
  public synchronized long peakStartedPerSecond() {
    return seconds.stream().mapToLong(SecondStats::started).max().orElse(0);
  }

  /** Every closed second of the run, in order, including the quiet ones. */
  public synchronized List<SecondStats> perSecond() {
    return List.copyOf(seconds);
  }

  public long succeededCount() {
    return succeeded.sum();
  }

  /** KO, as in Gatling's report: the requests that failed and those the simulation could not build. */
  public long failedCount() {
    return failed.sum() + notBuilt.sum();
  }

  /** Requests the simulation could not build for their virtual users: nothing was sent. */
  public long notBuiltCount() {
    return notBuilt.sum();
  }

  /** Each request the simulation could not build, with how often and why the first time, in the order each first failed. */
  public List<NotBuiltRequest> notBuiltRequests() {
    synchronized (notBuiltByRequest) {
      return notBuiltByRequest.entrySet().stream()
          .map(e -> new NotBuiltRequest(e.getKey(), e.getValue().count, e.getValue().firstReason))
          .toList();
    }
  }

  /** A copy of the OK latencies of the closed seconds, in microseconds. */
  public synchronized Histogram okLatencyMicros() {
    return total.copy();
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

  /**
   * One request the simulation could not build.
   *
   * @param request its name in the simulation
   * @param count how many times
   * @param firstReason why, the first time ("find user: the filter of 'find user': No attribute named 'user' is defined")
   */
  public record NotBuiltRequest(String request, long count, String firstReason) {}

  private static final class NotBuiltTally {
    private final String firstReason;
    private long count;

    private NotBuiltTally(String firstReason) {
      this.firstReason = firstReason;
    }
  }

  /** A failure class as counted: its kind and its normalised message; sorted by the kind's label, then the message. */
  public record ClassifiedErrorKey(ErrorKind kind, String message) implements Comparable<ClassifiedErrorKey> {
    @Override
    public int compareTo(ClassifiedErrorKey other) {
      int byKind = kind.label().compareTo(other.kind.label());
      return byKind != 0 ? byKind : message.compareTo(other.message);
    }

    /** As the summary and the verdict print it: {@code [kind] message}. */
    public String text() {
      return "[" + kind.label() + "] " + message;
    }
  }
}
