package lab.portexhaustion.measure;

/**
 * Units of a resource each request takes, measured: units in use (ports toward the target in
 * any state, TIME_WAIT included; or descriptors open) beyond those in use before the load, over
 * the requests that succeeded. Not over the requests started: near exhaustion many are waiting
 * for a connection they will never get. Exact while the run is younger than the time a request
 * keeps its units (one TIME_WAIT for ports), since until then none has been given back; later
 * samples do not update it.
 */
public final class UsePerRequest {

  private final long holdMillis;
  private volatile long baseline = -1;
  private volatile double estimate = Double.NaN;

  /** {@code holdMillis}: how long a request keeps its units ({@link Long#MAX_VALUE}: until the run ends). */
  public UsePerRequest(long holdMillis) {
    this.holdMillis = holdMillis;
  }

  /** Takes one full sample: the first sets the baseline, the later ones within one hold time the estimate. */
  public void observe(long elapsedMillis, long unitsInUse, long requestsSucceeded) {
    if (baseline < 0) {
      baseline = unitsInUse;
      return;
    }
    if (elapsedMillis < holdMillis && requestsSucceeded > 0) {
      estimate = Math.round(100.0 * Math.max(0, unitsInUse - baseline) / requestsSucceeded) / 100.0;
    }
  }

  /** NaN until a sample under load was seen. */
  public double estimate() {
    return estimate;
  }
}
