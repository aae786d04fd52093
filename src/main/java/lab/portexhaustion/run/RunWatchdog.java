package lab.portexhaustion.run;

import lab.portexhaustion.process.ParentProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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

  /** The simulation's exit code when the watchdog ended it. */
  static final int EXIT_CODE = 4;

  private static final Logger LOG = LoggerFactory.getLogger(RunWatchdog.class);
  private static final Duration CHECK_EVERY = Duration.ofMillis(250);
  /** How long the flush may take before the process is halted anyway. */
  private static final Duration FLUSH_LIMIT = Duration.ofSeconds(10);

  private final String simulation;
  private final Instant deadline;
  private final String boundText;
  private final Optional<ParentProcess> parent;
  private final Runnable flush;
  private final Halt halt;
  private final Thread thread;
  private volatile boolean disarmed;

  /** How the process ends; {@link Runtime#halt} in a run, something observable in a test. */
  @FunctionalInterface
  interface Halt {
    void halt(int status);
  }

  /**
   * Watches from now until {@link #close()}: ends the process at {@code deadline}, or as soon as {@code parent}
   * (if any) is gone, after {@code flush}.
   */
  RunWatchdog(String simulation, Instant deadline, String boundText, Optional<ParentProcess> parent, Runnable flush, Halt halt) {
    this.simulation = simulation;
    this.deadline = deadline;
    this.boundText = boundText;
    this.parent = parent;
    this.flush = flush;
    this.halt = halt;
    this.thread = new Thread(this::watch, "harness-watchdog");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private void watch() {
    while (!disarmed) {
      if (parent.isPresent() && parent.get().isGone()) {
        end(String.format("%s: the process that started this simulation (pid %d) is gone; ending the run so that it is not"
            + " left running on its own", simulation, parent.get().pid()));
        return;
      }
      if (!Instant.now().isBefore(deadline)) {
        end(String.format("%s: the run is still going past its bound (%s); ending it with exit code %d. Its results are"
            + " incomplete. A GC spiral or a hung target can cause this: lower load.peakRate, or look at the target.",
            simulation, boundText, EXIT_CODE));
        return;
      }
      try {
        Thread.sleep(CHECK_EVERY.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void end(String why) {
    LOG.error(why);
    Thread flusher = new Thread(flush, "harness-watchdog-flush");
    flusher.setDaemon(true);
    flusher.start();
    try {
      flusher.join(FLUSH_LIMIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!disarmed) {
      System.out.flush();
      System.err.flush();
      halt.halt(EXIT_CODE);
    }
  }

  /** The run ended by itself: stop watching. */
  @Override
  public void close() {
    disarmed = true;
    thread.interrupt();
    parent.ifPresent(ParentProcess::close);
  }
}
