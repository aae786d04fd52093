package lab.portexhaustion.measure;

/**
 * Ports each request takes, measured: local ports held toward the target (any state, TIME_WAIT
 * included) beyond those held before the load, over the requests that succeeded. Not over the
 * requests started: near exhaustion many are waiting for a connection they will never get. Exact
 * while the run is younger than one TIME_WAIT, since until then no port has been given back;
 * later samples do not update it.
 */
public final class PortsPerRequest {

  private final long timeWaitMillis;
  private volatile int baselinePorts = -1;
  private volatile double estimate = Double.NaN;

  public PortsPerRequest(long timeWaitMillis) {
    this.timeWaitMillis = timeWaitMillis;
  }

  /** Takes one full sample: the first sets the baseline, the later ones within one TIME_WAIT the estimate. */
  public void observe(long elapsedMillis, int portsTowardTarget, long requestsSucceeded) {
    if (baselinePorts < 0) {
      baselinePorts = portsTowardTarget;
      return;
    }
    if (elapsedMillis < timeWaitMillis && requestsSucceeded > 0) {
      estimate = Math.round(100.0 * Math.max(0, portsTowardTarget - baselinePorts) / requestsSucceeded) / 100.0;
    }
  }

  /** NaN until a sample under load was seen. */
  public double estimate() {
    return estimate;
  }

  public int baselinePorts() {
    return Math.max(0, baselinePorts);
  }
}
