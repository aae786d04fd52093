package lab.portexhaustion.model;

import java.util.Optional;

/**
 * What the model says of one run before it starts: whether a resource runs out while the
 * injection profile lasts, and when.
 *
 * @param resource the resource's label, e.g. "ephemeral ports"
 * @param free units free when the load starts (the limit less those already in use)
 * @param atStart units the client takes as it starts, before any request (a pool's minimum and its monitors)
 * @param perRequest units each request takes
 * @param basis where {@code perRequest} comes from
 * @param holdSeconds how long a request keeps them; empty: until the run ends
 * @param peakDemand the most units the profile holds at once, if nothing ran out
 * @param demandPercent {@code peakDemand} over {@code free}, in percent
 * @param onsetSeconds when the free units run out; empty if they do not within the profile
 * @param kneeRatePerSecond the arrival rate that could be kept up for ever: free / hold / perRequest; empty when
 *     units are held until the end or none are taken
 * @param expectation what the verdict expects: exhaustion, clean, or too close to call
 */
public record Prediction(
    String resource,
    int free,
    int atStart,
    double perRequest,
    String basis,
    Optional<Double> holdSeconds,
    double peakDemand,
    double demandPercent,
    Optional<Double> onsetSeconds,
    Optional<Double> kneeRatePerSecond,
    Outcome expectation) {

  /** What the model expects of a run. */
  public enum Outcome {
    EXHAUSTION("exhaustion"),
    CLEAN("clean"),
    /** Peak demand within the model's margin of the free units: either outcome is a correct run. */
    TOO_CLOSE("too close to call");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Whether {@code perRequest} is what the run measured, rather than the strategy's known figure. */
  public boolean isMeasured() {
    return ResourceUse.MEASURED.equals(basis);
  }

  /** One line: "exhaustion of ephemeral ports at 13.5 s (...)" or "clean (...)". */
  public String text() {
    String held = holdSeconds.map(s -> String.format("%.0f s", s)).orElse("until the run ends");
    String take = atStart > 0 && perRequest == 0 ? String.format("%,d as the client starts, held %s", atStart, held)
        : (atStart > 0 ? String.format("%,d as the client starts + ", atStart) : "") + String.format("%.2f per request held %s", perRequest, held);
    String demand = String.format("%s: %,.0f free, demand would peak at %,.0f (%.0f %%) = %s%s", resource, (double) free, peakDemand,
        demandPercent, take, kneeRatePerSecond.map(k -> String.format(", knee %.1f/s", k)).orElse(""));
    return switch (expectation) {
      case EXHAUSTION -> String.format("exhaustion at %.1f s (%s)", onsetSeconds.orElseThrow(), demand);
      case CLEAN -> "clean (" + demand + ")";
      case TOO_CLOSE -> "too close to call (" + demand + onsetSeconds.map(s -> String.format(", onset at %.1f s", s)).orElse("") + ")";
    };
  }
}
