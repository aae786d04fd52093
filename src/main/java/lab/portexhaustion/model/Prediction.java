package lab.portexhaustion.model;

import java.util.List;
import java.util.Optional;

/**
 * What the model says of one run before it starts: whether a resource runs out while the injection profile lasts, and
 * when. Its figures count visits (one arrival of the profile: a virtual user running its scenario once), each of
 * {@code requestsPerVisit} requests.
 *
 * @param resource the resource's label, e.g. "ephemeral ports"
 * @param free units free when the load starts (the limit less those already in use)
 * @param atStart units the client takes as it starts, before any request (a pool's minimum and its monitors)
 * @param perVisit units each visit takes: the known figure per request times the visit's requests, or as measured
 * @param requestsPerVisit the MongoDB requests of a visit, as the scenario's chain has them (0 in runs recorded
 *     before it was counted: read as 1)
 * @param basis where {@code perVisit} (or the plateau) comes from: "measured", or the reason for the known figure
 * @param holdSeconds how long a visit keeps them; empty: until the run ends
 * @param peakDemand the most units the profile holds at once, if nothing ran out (for a plateau: its most)
 * @param demandPercent {@code peakDemand} over {@code free}, in percent
 * @param onsetSeconds when the free units run out; empty if they do not within the profile, or if no one can say
 *     when (a plateau that may or may not fit)
 * @param kneeVisitsPerSecond the visit rate that could be kept up for ever: free / hold / perVisit; empty when units are
 *     held until the end or none are taken
 * @param plateau for a pool: the units it grows to beyond those it held before the load, and keeps; empty for
 *     resources taken visit by visit
 * @param expectation what the verdict expects: exhaustion, clean, or too close to call
 */
public record Prediction(
    String resource,
    int free,
    int atStart,
    double perVisit,
    int requestsPerVisit,
    String basis,
    Optional<Double> holdSeconds,
    double peakDemand,
    double demandPercent,
    Optional<Double> onsetSeconds,
    Optional<Double> kneeVisitsPerSecond,
    Optional<Plateau> plateau,
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

  /** Whether {@code perVisit} (or the plateau) is what the run measured, rather than the strategy's known figure. */
  public boolean isMeasured() {
    return ResourceUse.MEASURED.equals(basis);
  }

  /** One line: "exhaustion of ephemeral ports at 13.5 s (...)" or "clean (...)". */
  public String text() {
    String demand = plateau.map(this::plateauText).orElseGet(this::visitText);
    return switch (expectation) {
      case EXHAUSTION -> String.format("exhaustion at %.1f s (%s)", onsetSeconds.orElseThrow(), demand);
      case CLEAN -> "clean (" + demand + ")";
      case TOO_CLOSE -> "too close to call (" + demand + onsetSeconds.map(s -> String.format(", onset at %.1f s", s)).orElse("") + ")";
    };
  }

  /** "ephemeral ports: 995 free, demand would peak at 7,650 (769 %) = 9.00 per visit (3 requests x 3.00) held 60 s, knee 1.8 visits/s". */
  private String visitText() {
    String held = holdSeconds.map(s -> String.format("%.0f s", s)).orElse("until the run ends");
    String take = atStart > 0 && perVisit == 0 ? String.format("%,d as the client starts, held %s", atStart, held)
        : (atStart > 0 ? String.format("%,d as the client starts + ", atStart) : "") + perVisitText() + " held " + held;
    return String.format("%s: %,d free, demand would peak at %,.0f (%.0f %%) = %s%s", resource, free, peakDemand, demandPercent, take,
        kneeVisitsPerSecond.map(k -> String.format(", knee %.1f visits/s", k)).orElse(""));
  }

  /**
   * "9.00 per visit (3 requests x 3.00)", "8.75 per visit (measured)": what was measured is per visit, whatever the
   * requests a visit sent (a loop goes round more often than the chain counts it).
   */
  private String perVisitText() {
    Visit visit = new Visit(requestsPerVisit, List.of(), 1);
    return isMeasured() ? String.format("%.2f per visit (measured)", perVisit)
        : String.format("%.2f per visit (%s x %.2f)", perVisit, visit.text(), perVisit / visit.requests());
  }

  /** "ephemeral ports: 6 free, a plateau of 0 to 99 more (0 % to 1650 %), held until the run ends: a pool of ...". */
  private String plateauText(Plateau units) {
    String percent = units.least() == units.most() ? percent(demandPercent)
        : percent(100.0 * units.least() / Math.max(1, free)) + " to " + percent(demandPercent);
    return String.format("%s: %,d free, a plateau of %s more (%s), held until the run ends: %s", resource, free, units.text(), percent,
        basis);
  }

  /** Whole percents, but a share under 1 % with its tenth: a pool's 0.4 % is not the nothing "0 %" would say. */
  private static String percent(double value) {
    return value > 0 && value < 1 ? String.format("%.1f %%", value) : String.format("%.0f %%", value);
  }
}
