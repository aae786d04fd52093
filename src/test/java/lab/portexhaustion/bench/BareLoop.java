package lab.portexhaustion.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The baseline of a throughput line, in a JVM of its own like the harness's Gatling run: the same
 * strategy's requests in {@code concurrency} plain threads, no Gatling, no harness. Prints the
 * requests completed in each second as {@code COMPLETED_PER_SECOND n,n,...}, those that failed as
 * {@code FAILED_PER_SECOND n,n,...}, and when its second 0 began as {@code STARTED_AT_EPOCH_MILLIS n}, so that the
 * suite can find those seconds among its /proc snapshots.
 *
 * <p>Arguments: scenario, concurrency, seconds, MongoDB URI.
 */
public final class BareLoop {

  static final String OUTPUT_PREFIX = "COMPLETED_PER_SECOND ";
  static final String FAILED_PREFIX = "FAILED_PER_SECOND ";
  static final String STARTED_AT_PREFIX = "STARTED_AT_EPOCH_MILLIS ";

  private BareLoop() {}

  public static void main(String[] args) throws Exception {
    int concurrency = Integer.parseInt(args[1]);
    Duration length = Duration.ofSeconds(Long.parseLong(args[2]));
    try (BareRequests requests = BareRequests.open(args[0], args[3])) {
      AtomicLongArray completed = new AtomicLongArray((int) length.toSeconds() + 2);
      AtomicLongArray failed = new AtomicLongArray(completed.length());
      long start = System.nanoTime();
      long startedAt = System.currentTimeMillis();
      long end = start + length.toNanos();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        Thread thread = new Thread(() -> {
          while (System.nanoTime() < end) {
            boolean ok = requests.send();
            countNow(ok ? completed : failed, start);
          }
        }, "bare-loop-" + i);
        thread.start();
        threads.add(thread);
      }
      for (Thread thread : threads) {
        thread.join();
      }
      System.out.println(OUTPUT_PREFIX + counts(completed));
      System.out.println(FAILED_PREFIX + counts(failed));
      System.out.println(STARTED_AT_PREFIX + startedAt);
    }
  }

  /**
   * Counts one request in the second since {@code startNanos} it ended in; one that ended after the last second the
   * array has (a slow failure past the end) in that last second.
   */
  static void countNow(AtomicLongArray perSecond, long startNanos) {
    perSecond.incrementAndGet((int) Math.min((System.nanoTime() - startNanos) / 1_000_000_000L, perSecond.length() - 1));
  }

  /** The completions (or failures) of each second, comma-separated, as {@link #OUTPUT_PREFIX} prints them. */
  static String counts(AtomicLongArray completed) {
    List<String> counts = new ArrayList<>();
    for (int s = 0; s < completed.length(); s++) {
      counts.add(String.valueOf(completed.get(s)));
    }
    return String.join(",", counts);
  }
}
