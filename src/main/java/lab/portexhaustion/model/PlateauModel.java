package lab.portexhaustion.model;

import java.util.Optional;

/**
 * A pool's connections: it opens one when a request finds none idle and keeps it, so what it takes levels off at the
 * most its requests ever needed at once, plus its monitors', however many requests follow. Its first seconds are a
 * warm-up, not a trend. Before the load that plateau is known only between bounds: at least the pool's minimum (and
 * the one connection its requests take in turn), at most {@code maxPoolSize}, which the requests that run at once can
 * reach only on a machine slow enough (the rate times a request's time, at its slowest moments). The model calls the
 * outcome where both bounds agree, and says "too close to call" where the pool fits only while its requests stay few at
 * once; the plateau the run measures then takes the bounds' place.
 */
public final class PlateauModel {

  private PlateauModel() {}

  /**
   * What a pool that grows as {@code use}'s plateau says does to {@code free} units.
   *
   * @param held units of the plateau the client already held when the load started (its monitors' and first
   *     connections), which {@code free} does not count
   */
  public static Prediction predict(ResourceUse use, int free, int held, Visit visit) {
    Plateau beyond = bounds(use).beyond(held);
    String basis = use.basis() + (held > 0 ? String.format("; %,d of them open before the load", held) : "");
    return prediction(use, free, visit, beyond, basis);
  }

  /**
   * As {@link #predict} with the plateau the run measured: the units in use beyond those before the load, at their
   * peak so far. Not below the plateau's least, which the pool takes whatever its load.
   */
  public static Prediction measured(ResourceUse use, int free, int held, Visit visit, int measuredBeyond) {
    int units = Math.max(bounds(use).beyond(held).least(), measuredBeyond);
    return prediction(use, free, visit, new Plateau(units, units), ResourceUse.MEASURED);
  }

  private static Plateau bounds(ResourceUse use) {
    return use.plateau().orElseThrow(() -> new IllegalArgumentException(use.resource().label() + " is not taken as a plateau"));
  }

  private static Prediction prediction(ResourceUse use, int free, Visit visit, Plateau beyond, String basis) {
    double most = (double) beyond.most() / Math.max(1, free);
    double least = (double) beyond.least() / Math.max(1, free);
    Prediction.Outcome outcome = most <= 1 - ExhaustionModel.MARGIN ? Prediction.Outcome.CLEAN
        : least >= 1 + ExhaustionModel.MARGIN ? Prediction.Outcome.EXHAUSTION
        : Prediction.Outcome.TOO_CLOSE;
    // Even its least does not fit: the connection the first request opens (or a monitor's, as the client starts) is refused.
    Optional<Double> onset = beyond.least() > free ? Optional.of(0.0) : Optional.empty();
    return new Prediction(use.resource().label(), free, 0, 0, visit.requests(), basis, Optional.empty(), beyond.most(),
        Math.round(most * 1000) / 10.0, onset, Optional.empty(), Optional.of(beyond), outcome);
  }
}
