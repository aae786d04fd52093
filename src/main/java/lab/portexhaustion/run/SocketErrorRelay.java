package lab.portexhaustion.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lab.portexhaustion.failure.SocketErrorListener;

/**
 * Hands the driver's socket errors to the run once it exists. The strategy, and with it the driver's listeners, is
 * built before the run that judges the errors: errors met in between (a pool filling to its minimum against a server
 * that refuses it) are kept, with their times, and handed over when the run connects; the onset counts them at the
 * run's time zero.
 */
final class SocketErrorRelay implements SocketErrorListener {

  /** More errors than this before the run starts add nothing to its onset: the first is the one that counts. */
  private static final int KEPT_BEFORE_CONNECT = 100;

  private record Early(Throwable error, Instant at) {}

  private final List<Early> early = new ArrayList<>();
  private SocketErrorListener to;

  synchronized void connect(SocketErrorListener listener) {
    early.forEach(e -> listener.socketError(e.error(), e.at()));
    early.clear();
    this.to = listener;
  }

  @Override
  public void socketError(Throwable error, Instant at) {
    SocketErrorListener connected;
    synchronized (this) {
      connected = to;
      if (connected == null) {
        if (early.size() < KEPT_BEFORE_CONNECT) {
          early.add(new Early(error, at));
        }
        return;
      }
    }
    connected.socketError(error, at);
  }
}
