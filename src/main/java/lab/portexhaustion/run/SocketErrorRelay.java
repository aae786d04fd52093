package lab.portexhaustion.run;

import java.time.Instant;
import lab.portexhaustion.failure.SocketErrorListener;

/**
 * Hands the driver's socket errors to the run once it exists. The strategy, and with it the
 * driver's listeners, is built before the run that judges the errors; errors met before then
 * (preparing the operation) belong to no run and are dropped.
 */
final class SocketErrorRelay implements SocketErrorListener {

  private volatile SocketErrorListener to = SocketErrorListener.NONE;

  void connect(SocketErrorListener listener) {
    this.to = listener;
  }

  @Override
  public void socketError(Throwable error, Instant at) {
    to.socketError(error, at);
  }
}
