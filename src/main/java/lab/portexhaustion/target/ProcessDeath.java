package lab.portexhaustion.target;

import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A server process of the harness's own that ended while the harness used it.
 *
 * @param epochMillis when its end was seen
 * @param exitValue its status as the JDK gives it: 128 + the signal's number for a process a signal ended
 */
public record ProcessDeath(long epochMillis, int exitValue) {

  /** The JDK's status for a process ended by a signal is 128 + its number (as a shell gives it). */
  private static final int SIGNALLED = 128;

  /**
   * Watches {@code process}: its end, unless {@code expected} says the harness ended it, is a death, handed to
   * {@code listener} with the moment it was seen and its exit value as soon as the JDK reaps it (on the JDK's thread).
   *
   * @return done once the end was handled, the listener called or not
   */
  static CompletableFuture<Void> watch(Process process, BooleanSupplier expected, Consumer<ProcessDeath> listener) {
    return process.onExit().thenAccept(ended -> {
      if (!expected.getAsBoolean()) {
        listener.accept(new ProcessDeath(System.currentTimeMillis(), ended.exitValue()));
      }
    });
  }

  /** "signal 9" or "exit code 1". */
  public String how() {
    return exitValue > SIGNALLED ? "signal " + (exitValue - SIGNALLED) : "exit code " + exitValue;
  }
}
