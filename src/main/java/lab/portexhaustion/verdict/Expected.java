package lab.portexhaustion.verdict;

import java.util.Optional;
import lab.portexhaustion.config.Expectation;
import lab.portexhaustion.model.Prediction;

/**
 * What a run is held to, and how the verdict line says it.
 *
 * @param text "predicted exhaustion at 13.5 s (...)" or "expected clean (fixed: verdict.pooled=clean; ...)"
 */
record Expected(Outcome outcome, String text) {

  enum Outcome {
    EXHAUSTION("exhaustion"),
    CLEAN("clean"),
    /** The model's prediction is within its margin: either outcome passes, if nothing else failed. */
    EITHER("either"),
    /** Nothing checked. */
    ANY("any");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  /** {@code fixedBy}: where a fixed expectation was set, "verdict.pooled=clean" ({@code VerdictSettings.fixedBy}). */
  static Expected of(Expectation configured, Optional<Prediction> prediction, String fixedBy) {
    String model = prediction.map(p -> "the model predicts " + p.text()).orElse("no model for this run");
    return switch (configured) {
      case AUTO -> prediction.map(p -> new Expected(switch (p.expectation()) {
            case EXHAUSTION -> Outcome.EXHAUSTION;
            case CLEAN -> Outcome.CLEAN;
            case TOO_CLOSE -> Outcome.EITHER;
          }, "predicted " + p.text()))
          .orElse(new Expected(Outcome.ANY, "expected anything (" + model + ")"));
      case CLEAN -> fixed(Outcome.CLEAN, fixedBy, model);
      case EXHAUSTION -> fixed(Outcome.EXHAUSTION, fixedBy, model);
      case ANY -> fixed(Outcome.ANY, fixedBy, model);
    };
  }

  private static Expected fixed(Outcome outcome, String fixedBy, String model) {
    return new Expected(outcome, "expected " + outcome.label() + " (fixed: " + fixedBy + "; " + model + ")");
  }
}
