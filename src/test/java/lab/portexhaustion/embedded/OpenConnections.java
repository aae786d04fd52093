package lab.portexhaustion.embedded;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Waits for a server's count of open connections, which its event loops change after the client's call has returned
 * (a driver's round-trip-time connection opens after its first heartbeat, a closed socket is seen a moment later). The
 * caller then asserts the count itself: a wait that runs out changes nothing.
 */
final class OpenConnections {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private OpenConnections() {}

  /** Until {@code open} counts at least {@code connections}, or the timeout. */
  static void awaitAtLeast(IntSupplier open, int connections) throws InterruptedException {
    awaitUntil(() -> open.getAsInt() >= connections);
  }

  /** Until {@code open} counts none, or the timeout. */
  static void awaitNone(IntSupplier open) throws InterruptedException {
    awaitUntil(() -> open.getAsInt() == 0);
  }

  private static void awaitUntil(BooleanSupplier reached) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!reached.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }
}
