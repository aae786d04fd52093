package lab.portexhaustion.measure;

import java.util.Optional;

/**
 * The load in the model's terms, whatever the workload: connections opened per second (the peak between two full
 * samples), connections per visit served (a visit: one virtual user running its scenario once), and units (ports,
 * descriptors) each connection took. Units per visit = connections per visit x units per connection: what the
 * prediction multiplies by the visits within the hold time. Units per connection is measured, as units per visit is,
 * while the run is younger than the hold time, since until then none has been given back. Fed by the sampler's
 * thread, one sample at a time.
 */
public final class ConnectionFigures {

  /** The figures at one moment; empty where not measured yet. */
  public record Figures(long opened, double peakPerSecond, Optional<Double> perVisit, Optional<Double> unitsPerConnection) {}

  private final long holdMillis;
  private volatile long baselineOpened = -1;
  private volatile long baselineUnits;
  private volatile long lastMillis;
  private volatile long lastOpened;
  private volatile long opened;
  private volatile double peakPerSecond;
  private volatile double perVisit = Double.NaN;
  private volatile double unitsPerConnection = Double.NaN;

  /** {@code holdMillis}: how long a connection keeps its units ({@link Long#MAX_VALUE}: until the run ends). */
  public ConnectionFigures(long holdMillis) {
    this.holdMillis = holdMillis;
  }

  /** One full sample: connections opened so far, units in use, visits served; the first is the baseline. */
  public void observe(long elapsedMillis, long openedTotal, long unitsInUse, long visitsServed) {
    if (baselineOpened < 0) {
      baselineOpened = openedTotal;
      baselineUnits = unitsInUse;
      lastMillis = elapsedMillis;
      lastOpened = openedTotal;
      return;
    }
    long sinceBaseline = openedTotal - baselineOpened;
    opened = sinceBaseline;
    if (elapsedMillis > lastMillis) {
      peakPerSecond = Math.max(peakPerSecond, (openedTotal - lastOpened) * 1000.0 / (elapsedMillis - lastMillis));
    }
    lastMillis = elapsedMillis;
    lastOpened = openedTotal;
    if (visitsServed > 0) {
      perVisit = round((double) sinceBaseline / visitsServed);
    }
    if (elapsedMillis < holdMillis && sinceBaseline > 0) {
      unitsPerConnection = round((double) Math.max(0, unitsInUse - baselineUnits) / sinceBaseline);
    }
  }

  public Figures figures() {
    return new Figures(opened, round(peakPerSecond), measured(perVisit), measured(unitsPerConnection));
  }

  /** NaN, the volatile fields' "not yet", is empty. */
  private static Optional<Double> measured(double value) {
    return Double.isNaN(value) ? Optional.empty() : Optional.of(value);
  }

  private static double round(double value) {
    return Math.round(value * 100.0) / 100.0;
  }
}
