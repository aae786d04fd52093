package lab.portexhaustion.gatling;

import io.gatling.commons.stats.Status;
import io.gatling.core.stats.StatsEngine;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import scala.Option;
import scala.collection.immutable.List;

/**
 * A run's responses on their way to Gatling's stats engine: every one reaches it, with its own start and end, but
 * handed over in batches, at most {@link #FLUSH_INTERVAL} after it was logged, rather than one by one.
 *
 * <p>Why: Gatling's engine sends each response as a message to each of its data writers, actors that run on a thread
 * pool of their own, and a writer that is idle when a message comes is scheduled on that pool for it. At the pooled
 * benchmark's 15,000 to 25,000 requests per second every response woke a pool thread: about one voluntary context
 * switch per request, a fifth of the harness's (docs/performance.md, "Gatling's stats, handed over in batches").
 * Responses handed over back to back wake a writer once. What Gatling's reports show does not change, as they place
 * each response by its own timestamps; only the moment the writers see it, a few milliseconds later.
 *
 * <p>Nothing may be left behind when Gatling stops its writers, as it drops what comes after: the run calls
 * {@link #flush()} before a virtual user ends (Gatling stops once the last one has), and {@link #handOverAtOnce()} as
 * it stops the load, after which responses go to Gatling as they come, as before batching. What Gatling cuts itself,
 * at its {@code maxDuration}, loses the responses of the last interval from its own report, as it loses the requests
 * still running then; the harness's figures keep them.
 */
public final class BatchedResponses implements ResponseLog {

  static final Duration FLUSH_INTERVAL = Duration.ofMillis(5);

  private record Response(String scenario, List<String> groups, String requestName, long startTimestamp,
      long endTimestamp, Status status, Option<String> responseCode, Option<String> message) {}

  private final Queue<Response> pending = new ConcurrentLinkedQueue<>();
  private final Thread flusher = new Thread(this::flushEveryInterval, "harness-stats");
  /** Set by the first action built; guarded by {@code this}. */
  private StatsEngine gatling;
  private volatile boolean closed;
  private volatile boolean atOnce;

  public BatchedResponses() {
    flusher.setDaemon(true);
  }

  /**
   * These responses, to be handed to {@code engine}: the first call, as the run's first action is built, starts the
   * thread that hands them over; a run serves one Gatling run, and so one engine.
   */
  synchronized ResponseLog to(StatsEngine engine) {
    if (gatling == null) {
      gatling = engine;
      flusher.start();
    } else if (gatling != engine) {
      throw new IllegalStateException("a harness run serves one Gatling run, and its actions were built for a second one");
    }
    return this;
  }

  private void flushEveryInterval() {
    while (!closed) {
      LockSupport.parkNanos(FLUSH_INTERVAL.toNanos());
      flush();
    }
  }

  @Override
  public void logResponse(String scenario, List<String> groups, String requestName, long startTimestamp, long endTimestamp,
      Status status, Option<String> responseCode, Option<String> message) {
    pending.add(new Response(scenario, groups, requestName, startTimestamp, endTimestamp, status, responseCode, message));
    if (atOnce) {
      flush(); // after the add: either handOverAtOnce()'s flush took this response, or this one does
    }
  }

  /** Hands over what waits, and from now on every response as it is logged: once the load is being stopped. */
  public void handOverAtOnce() {
    atOnce = true;
    flush();
  }

  /**
   * Hands every response logged so far to Gatling's engine. Synchronized so that, once it returns, none logged before
   * the call is still on its way in another thread's flush.
   */
  public synchronized void flush() {
    Response r;
    while ((r = pending.poll()) != null) {
      gatling.logResponse(r.scenario, r.groups, r.requestName, r.startTimestamp, r.endTimestamp, r.status, r.responseCode,
          r.message);
    }
  }

  /** Hands over what is left and ends the thread that hands responses over: once the load has ended. */
  public void close() {
    closed = true;
    LockSupport.unpark(flusher);
    flush();
  }
}
