package lab.portexhaustion.measure;

import java.util.OptionalInt;

/**
 * What the run takes of the modelled resource, measured from the units in use (ports toward the target in any state,
 * TIME_WAIT included; or descriptors open) beyond those in use before the load:
 *
 * <ul>
 *   <li>per visit: over the visits served (virtual users with a request that succeeded), not over those started: near
 *       exhaustion many are waiting for a connection they will never get. Exact while the run is younger than the time
 *       a visit keeps its units (one TIME_WAIT for ports), since until then none has been given back; later samples do
 *       not update it;
 *   <li>at their peak: what a pool levelled off at, whatever the visits.
 * </ul>
 */
public final class MeasuredUse {

  private final long holdMillis;
  private volatile long baseline = -1;
  private volatile double perVisit = Double.NaN;
  private volatile int peakBeyond = -1;

  /** {@code holdMillis}: how long a visit keeps its units ({@link Long#MAX_VALUE}: until the run ends). */
  public MeasuredUse(long holdMillis) {
    this.holdMillis = holdMillis;
  }

  /** Takes one full sample (on one thread, the sampler's): the first sets the baseline, the later ones the figures. */
  public void observe(long elapsedMillis, long unitsInUse, long visitsServed) {
    if (baseline < 0) {
      baseline = unitsInUse;
      return;
    }
    long beyond = Math.max(0, unitsInUse - baseline);
    peakBeyond = (int) Math.max(peakBeyond, Math.min(Integer.MAX_VALUE, beyond));
    if (elapsedMillis < holdMillis && visitsServed > 0) {
      perVisit = Math.round(100.0 * beyond / visitsServed) / 100.0;
    }
  }

  /** Units per visit served; NaN until a sample under load was seen. */
  public double perVisit() {
    return perVisit;
  }

  /** The most units in use at once beyond the baseline; empty until a sample after the baseline. */
  public OptionalInt peakBeyondBaseline() {
    int peak = peakBeyond;
    return peak < 0 ? OptionalInt.empty() : OptionalInt.of(peak);
  }
}
