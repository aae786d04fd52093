package lab.portexhaustion.model;

import java.time.Duration;
import java.util.Optional;
import lab.portexhaustion.config.LoadProfile;

/**
 * Little's law for a resource each visit holds for a while: units in use at time t ≈ the units the client took when it
 * started + units per visit × the visits started in the last {@code hold} seconds (for ports: the connection's
 * lifetime plus TIME_WAIT; for connections nobody closes: since the start). A resource runs out when that reaches the
 * units free at the start; a client whose starting units alone do not fit runs out as it starts. A visit is one
 * arrival of the injection profile, whose rate counts visits; it takes what one request takes times its requests.
 * (A pool's connections are no such resource: {@link PlateauModel}.)
 */
public final class ExhaustionModel {

  /**
   * How far peak demand must pass the free units (or stay under them) for the model to call the
   * outcome: the units per request are known to some 10 % (the round-trip-time connection of a
   * client closed at once may or may not open; a request in flight holds its units early), and
   * the profile's steps are coarse. Within the margin either outcome is a correct run.
   */
  public static final double MARGIN = 0.15;

  private static final double STEP_SECONDS = 0.05;

  private ExhaustionModel() {}

  /** What {@code load} does to {@code free} units when each visit is one request that takes them as {@code use} says. */
  public static Prediction predict(LoadProfile load, ResourceUse use, int free) {
    return predict(load, use, free, Visit.ONE_REQUEST);
  }

  /** What {@code load} does to {@code free} units when each request of a {@code visit} takes them as {@code use} says. */
  public static Prediction predict(LoadProfile load, ResourceUse use, int free, Visit visit) {
    return predict(load, use, free, visit, use.perRequest() * visit.requests(), use.basis());
  }

  /** As {@link #predict(LoadProfile, ResourceUse, int, Visit)} with the units per visit the run measured. */
  public static Prediction predictMeasured(LoadProfile load, ResourceUse use, int free, Visit visit, double measuredPerVisit) {
    return predict(load, use, free, visit, measuredPerVisit, ResourceUse.MEASURED);
  }

  private static Prediction predict(LoadProfile load, ResourceUse use, int free, Visit visit, double perVisit, String basis) {
    int steps = (int) Math.ceil(load.injectionSeconds() / STEP_SECONDS);
    int window = use.hold().map(ExhaustionModel::stepsOf).orElse(Integer.MAX_VALUE);
    double[] startedBy = new double[steps + 1]; // visits started by the end of each step
    double peakHolding = 0;
    Optional<Double> onset = use.atStart() > free ? Optional.of(0.0) : Optional.empty(); // starting units that do not all fit: the last is refused
    for (int i = 1; i <= steps; i++) {
      startedBy[i] = startedBy[i - 1] + load.rateAt((i - 0.5) * STEP_SECONDS) * STEP_SECONDS; // the step's mid-point rate: exact on a ramp
      double holding = startedBy[i] - startedBy[Math.max(0, i - window)];
      peakHolding = Math.max(peakHolding, holding);
      if (onset.isEmpty() && perVisit > 0 && use.atStart() + perVisit * holding >= free) {
        onset = Optional.of(Math.round(i * STEP_SECONDS * 10) / 10.0);
      }
    }
    double peakDemand = use.atStart() + perVisit * peakHolding;
    double ratio = peakDemand / Math.max(1, free);
    Optional<Double> holdSeconds = use.hold().map(d -> d.toMillis() / 1000.0);
    Optional<Double> knee = holdSeconds.filter(hold -> hold > 0 && perVisit > 0)
        .map(hold -> Math.round(free / hold / perVisit * 10) / 10.0);
    return new Prediction(use.resource().label(), free, use.atStart(), perVisit, visit.requests(), basis, holdSeconds,
        Math.round(peakDemand), Math.round(ratio * 1000) / 10.0, onset, knee, Optional.empty(), outcome(ratio));
  }

  /** The expectation for demand at {@code ratio} of the free units. */
  static Prediction.Outcome outcome(double ratio) {
    return ratio >= 1 + MARGIN ? Prediction.Outcome.EXHAUSTION
        : ratio <= 1 - MARGIN ? Prediction.Outcome.CLEAN
        : Prediction.Outcome.TOO_CLOSE;
  }

  private static int stepsOf(Duration hold) {
    return Math.max(1, (int) Math.round(hold.toMillis() / 1000.0 / STEP_SECONDS));
  }
}
