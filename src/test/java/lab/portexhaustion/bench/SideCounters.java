package lab.portexhaustion.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Snapshots, every {@value #PERIOD_MILLIS} ms while one side of a throughput repetition runs, of the side's JVM and of
 * the embedded server, read from outside both: the server runs in this JVM (the suite's), and the side's JVM is the
 * suite's only child process while the side runs. The side's own steady seconds are known only when it has ended, so
 * the whole run is kept and {@link #cost} picks the snapshots inside them afterwards.
 *
 * <p>Why from outside rather than from inside the child: a reader inside would add its own switches and CPU to what
 * it measures and would need a hook in Gatling's run to find the steady seconds; from here the child is untouched,
 * and this thread's own reads are left out of the server's figures ({@link ProcessCounters#read}'s left-out thread).
 */
final class SideCounters implements AutoCloseable {

  private static final long PERIOD_MILLIS = 200;

  /** The cost per request of both processes over one side's steady seconds. */
  record Cost(RequestCost jvm, RequestCost server) {}

  private final List<ProcessCounters> child = new ArrayList<>();
  private final List<ProcessCounters> server = new ArrayList<>();
  private final Thread thread = new Thread(this::sample, "benchmark-side-counters");
  private volatile boolean stopped;
  /** Why sampling ended before {@link #close}: a read that failed (the side had ended, or /proc could not be read). */
  private volatile Exception failure;

  private SideCounters() {}

  /** Starts sampling; call before the side's JVM is started. */
  static SideCounters start() {
    SideCounters counters = new SideCounters();
    counters.thread.setDaemon(true);
    counters.thread.start();
    return counters;
  }

  private void sample() {
    Set<Long> self = Set.of(ProcessCounters.currentThreadId());
    long serverPid = ProcessHandle.current().pid();
    Optional<ProcessHandle> side = Optional.empty();
    try {
      while (!stopped) {
        if (side.isEmpty()) {
          side = ProcessHandle.current().children().findFirst();
        }
        if (side.isPresent()) {
          // Both at the same moment, the child first: its snapshot fails once it has ended, and then neither counts.
          // An ended child may still look alive (not yet reaped), so a failed read ends the sampling whatever the
          // child's state; cost() then refuses a window the snapshots do not reach.
          try {
            ProcessCounters sideNow = ProcessCounters.read(side.get().pid(), Set.of());
            ProcessCounters serverNow = ProcessCounters.read(serverPid, self);
            synchronized (this) {
              child.add(sideNow);
              server.add(serverNow);
            }
          } catch (IOException ended) {
            failure = ended;
            return;
          }
        }
        Thread.sleep(PERIOD_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      failure = e;
    }
  }

  /**
   * The cost per request between the first and the last snapshot from {@code fromEpochMillis} to {@code toEpochMillis}
   * (the side's steady seconds), at {@code requestsPerSecond}, the side's steady rate over the same seconds: a window
   * at most 2 × {@value #PERIOD_MILLIS} ms shorter than the rate's.
   */
  synchronized Cost cost(long fromEpochMillis, long toEpochMillis, double requestsPerSecond) throws Exception {
    long lastSnapshot = child.isEmpty() ? Long.MIN_VALUE : child.get(child.size() - 1).epochMillis();
    if (failure != null && lastSnapshot < toEpochMillis - 2 * PERIOD_MILLIS) {
      throw new IllegalStateException("could not read /proc for a side's context switches up to the end of its steady"
          + " seconds: " + failure, failure);
    }
    int first = 0;
    while (first < child.size() && child.get(first).epochMillis() < fromEpochMillis) {
      first++;
    }
    int last = child.size() - 1;
    while (last >= 0 && child.get(last).epochMillis() > toEpochMillis) {
      last--;
    }
    if (last <= first) {
      throw new IllegalStateException("fewer than two /proc snapshots of the side inside its steady seconds (" + child.size()
          + " in all)");
    }
    double requests = requestsPerSecond * (child.get(last).epochMillis() - child.get(first).epochMillis()) / 1000.0;
    return new Cost(RequestCost.between(child.get(first), child.get(last), requests),
        RequestCost.between(server.get(first), server.get(last), requests));
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    thread.interrupt();
    thread.join();
  }
}
