package lab.portexhaustion.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import lab.portexhaustion.process.ParentProcess;
import lab.portexhaustion.process.ProcessExit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the simulation's process when its run cannot end by itself: still going past its bound
 * (Gatling's own {@code maxDuration} is only honoured by a JVM that still has time to run it, not
 * one spiralling in garbage collection), or orphaned because the {@code mvn} that started it is
 * gone (the gatling-maven-plugin does not take its fork down with it). Flushes what the run wrote
 * first, then halts: shutdown hooks are not run, as they may be what hangs.
 */
final class RunWatchdog implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RunWatchdog.class);
  private static final Duration CHECK_EVERY = Duration.ofMillis(250);
  /** How long the flush may take before the process is halted anyway. */
  private static final Duration FLUSH_LIMIT = Duration.ofSeconds(10);

  private final String simulation;
  private final Instant deadline;
  private final String boundText;
  private final Optional<ParentProcess> parent;
  private final Consumer<String> flush;
  private final Halt halt;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
    Thread watching = new Thread(task, "harness-watchdog");
    watching.setDaemon(true);
    return watching;
  });
  private volatile boolean disarmed;

  /** How the process ends; {@link ProcessExit#halt} in a run, something observable in a test. */
  @FunctionalInterface
  interface Halt {
    void halt(ProcessExit.Code code);
  }

  /**
   * A watchdog that, from {@link #start()} until {@link #close()}, ends the process at {@code deadline}, or as soon
   * as {@code parent} (if any) is gone, after {@code flush}, which is given the reason in a phrase.
   */
  RunWatchdog(String simulation, Instant deadline, String boundText, Optional<ParentProcess> parent, Consumer<String> flush,
      Halt halt) {
    this.simulation = simulation;
    this.deadline = deadline;
    this.boundText = boundText;
    this.parent = parent;
    this.flush = flush;
    this.halt = halt;
  }

  /** Starts watching, in a thread of its own. */
  void start() {
    thread.execute(this::watch);
  }

  private void watch() {
    while (!disarmed) {
      if (parent.isPresent() && parent.get().isGone()) {
        String reason = String.format("the process that started this simulation (pid %d) is gone", parent.get().pid());
        end(String.format("%s: %s; ending the run so that it is not left running on its own", simulation, reason), reason);
        return;
      }
      if (!Instant.now().isBefore(deadline)) {
        String reason = String.format("the run was still going past its bound (%s)", boundText);
        end(String.format("%s: %s; ending it with exit code %d. Its results are incomplete. A GC spiral or a hung target"
            + " can cause this: lower load.peakRate, or look at the target.", simulation, reason, ProcessExit.Code.WATCHDOG.status()),
            reason);
        return;
      }
      try {
        Thread.sleep(CHECK_EVERY.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void end(String why, String reason) {
    LOG.error(why);
    Thread flusher = new Thread(() -> flush.accept(reason), "harness-watchdog-flush");
    flusher.setDaemon(true);
    flusher.start();
    try {
      flusher.join(FLUSH_LIMIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!disarmed) {
      halt.halt(ProcessExit.Code.WATCHDOG);
    }
  }

  /** The run ended by itself: stop watching. */
  @Override
  public void close() {
    disarmed = true;
    thread.shutdownNow();
    parent.ifPresent(ParentProcess::close);
  }
}
