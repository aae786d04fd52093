package lab.portexhaustion.failure;

import com.mongodb.event.ServerDescriptionChangedEvent;
import com.mongodb.event.ServerHeartbeatFailedEvent;
import com.mongodb.event.ServerListener;
import com.mongodb.event.ServerMonitorListener;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the first socket error one MongoClient's server monitor met. When the monitor cannot
 * connect, the request itself only fails with a server-selection timeout whose cause chain does
 * not hold the socket error (docs/background.md, "How the failure reaches the JDK and the driver"); this listener is where the real exception
 * object is, and {@link #attachTo} hands it to the classifier as a suppressed exception. The
 * request fails only when server selection gives up, seconds later: the error also goes at once,
 * with its own time, to a {@link SocketErrorListener} (the onset detector).
 */
public final class SocketErrorCapture implements ServerListener, ServerMonitorListener {

  private final AtomicReference<Throwable> first = new AtomicReference<>();
  private final SocketErrorListener listener;

  public SocketErrorCapture(SocketErrorListener listener) {
    this.listener = listener;
  }

  @Override
  public void serverDescriptionChanged(ServerDescriptionChangedEvent event) {
    Throwable error = event.getNewDescription().getException();
    if (error != null) {
      keep(error);
    }
  }

  @Override
  public void serverHeartbeatFailed(ServerHeartbeatFailedEvent event) {
    keep(event.getThrowable());
  }

  private void keep(Throwable error) {
    first.compareAndSet(null, error);
    listener.socketError(error, Instant.now());
  }

  /** Adds the captured socket error to {@code failure} as a suppressed exception, for {@link ErrorClassifier}. */
  public void attachTo(Throwable failure) {
    Throwable captured = first.get();
    if (captured != null && captured != failure) {
      failure.addSuppressed(captured);
    }
  }
}
