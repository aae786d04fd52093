package lab.portexhaustion.measure;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task at each whole second since the run started, in one daemon thread. At a fixed rate, so a late tick (a
 * long GC pause) is made up at once and the ticks do not drift away from the run's seconds.
 */
public final class SecondTicker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SecondTicker.class);

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "harness-second-ticker");
    thread.setDaemon(true);
    return thread;
  });

  private final Instant startedAt;
  private final Runnable task;

  /** Ticks for the run started at {@code startedAt}, once {@link #start()} is called. */
  public SecondTicker(Instant startedAt, Runnable task) {
    this.startedAt = startedAt;
    this.task = task;
  }

  /** Runs the task at the next whole second since the run started, then every second. */
  public void start() {
    long untilFirst = Math.max(0, Duration.between(Instant.now(), startedAt.plusSeconds(1)).toNanos());
    // A task that throws would end a fixed-rate schedule for good: a second that could not be written must not stop
    // the seconds after it from being counted.
    Runnable guarded = () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.error("closing a second of the run failed: {}", e.toString());
      }
    };
    timer.scheduleAtFixedRate(guarded, untilFirst, TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
  }

  /** Stops ticking; a tick under way finishes first. */
  @Override
  public void close() {
    timer.shutdown();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
