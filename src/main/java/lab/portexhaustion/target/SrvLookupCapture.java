package lab.portexhaustion.target;

import com.mongodb.event.ClusterDescriptionChangedEvent;
import com.mongodb.event.ClusterListener;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the failed SRV lookup of a {@code mongodb+srv://} connection string. The driver looks the name up in the
 * background and gives it no server, so the request fails with a bare server-selection timeout; the lookup's own
 * exception is only in the cluster's description, which this listener hands over as a suppressed exception.
 */
final class SrvLookupCapture implements ClusterListener {

  private final AtomicReference<RuntimeException> failedLookup = new AtomicReference<>();

  @Override
  public void clusterDescriptionChanged(ClusterDescriptionChangedEvent event) {
    RuntimeException lookup = event.getNewDescription().getSrvResolutionException();
    if (lookup != null) {
      failedLookup.compareAndSet(null, lookup);
    }
  }

  /** Adds the failed lookup, if there was one, to {@code failure} as a suppressed exception. */
  void attachTo(Throwable failure) {
    RuntimeException lookup = failedLookup.get();
    if (lookup != null && lookup != failure) {
      failure.addSuppressed(lookup);
    }
  }
}
