package lab.portexhaustion.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import lab.portexhaustion.Plural;
import lab.portexhaustion.config.Expectation;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.failure.ErrorKind;
import lab.portexhaustion.measure.RunMetrics.ClassifiedErrorKey;
import lab.portexhaustion.model.Prediction;
import lab.portexhaustion.onset.OnsetRecord;
import lab.portexhaustion.sampler.SamplePeaks;

/**
 * Holds a finished run against what was expected of it: by default ({@code auto}) what the model
 * predicted before the load, with the figure per request the run measured where there is one;
 * or a fixed expectation from the settings. Only on whole evidence ({@link EvidenceCheck}): a run whose
 * target was lost or whose files were not written is inconclusive whatever it showed, and so is a checked
 * run on a machine that could not keep up.
 */
public final class VerdictJudge {

  /** How far the measured onset may be from the predicted one, as a share of the prediction... */
  static final double ONSET_TOLERANCE = 0.15;
  /** ...or in seconds, whichever is wider: the full samples are a second apart and the model steps by 0.05 s. */
  static final double ONSET_TOLERANCE_FLOOR_SECONDS = 1.0;

  /**
   * One finished run.
   *
   * @param prediction the model's, with the measured figure per request where the run measured one; empty where
   *     nothing is modelled (descriptors on Windows)
   * @param unexplainedFailures failures of requests sent that are neither exhaustion nor its echo, by kind and message
   * @param notBuilt the requests the simulation could not build: failures too, but not the target's
   * @param evidence what the run knows of its own evidence
   */
  public record Inputs(String simulation, Scenario scenario, HarnessSettings settings, Optional<Prediction> prediction,
      Optional<OnsetRecord> onset, SamplePeaks peaks, Map<ClassifiedErrorKey, Long> unexplainedFailures, RequestsNotBuilt notBuilt,
      Evidence evidence) {

    /** The same run, with {@code other} evidence: what it knew once its summary could not be written. */
    public Inputs withEvidence(Evidence other) {
      return new Inputs(simulation, scenario, settings, prediction, onset, peaks, unexplainedFailures, notBuilt, other);
    }
  }

  private VerdictJudge() {}

  public static Verdict judge(Inputs in) {
    Expectation configured = in.settings().verdict().expectationFor(in.scenario());
    Expected expected = Expected.of(configured, in.prediction(), in.settings().verdict().fixedBy(in.scenario()));
    boolean checked = in.settings().verdict().isChecked() && expected.outcome() != Expected.Outcome.ANY;
    Optional<OpenConnectionBound> bound = expected.outcome() == Expected.Outcome.CLEAN
        ? OpenConnectionBound.of(in.scenario(), in.settings()) : Optional.empty();
    Optional<Double> onsetTolerance = configured == Expectation.AUTO ? onsetToleranceSeconds(in) : Optional.empty();
    Optional<String> lateOrEarly = onsetTolerance.flatMap(allowed -> onsetOffTime(in, allowed));
    // A saturated machine's slow requests blur the onset's moment (EvidenceCheck): that spoils the evidence only where
    // the verdict holds the onset to the prediction and it missed, or never came; an onset within its tolerance stands.
    Optional<Double> missedTolerance = expected.outcome() == Expected.Outcome.EXHAUSTION
        && (lateOrEarly.isPresent() || in.onset().isEmpty()) ? onsetTolerance : Optional.empty();
    boolean unexplained = !in.unexplainedFailures().isEmpty() || in.notBuilt().any();
    boolean met = switch (expected.outcome()) {
      case EXHAUSTION -> in.onset().isPresent() && lateOrEarly.isEmpty() && !unexplained;
      case CLEAN -> in.onset().isEmpty() && bound.map(b -> in.peaks().openTowardTarget() <= b.allowed()).orElse(true) && !unexplained;
      case EITHER -> !unexplained;
      case ANY -> true;
    };
    List<EvidenceProblem> problems = EvidenceCheck.problems(in.evidence(), count(in.unexplainedFailures(), ErrorKind.HARNESS_SATURATED),
        missedTolerance);
    boolean inconclusive = problems.stream().anyMatch(p -> checked || p.kind().spoilsEveryRun());
    Verdict.Status status = inconclusive ? Verdict.Status.INCONCLUSIVE
        : !checked ? Verdict.Status.INFO : met ? Verdict.Status.PASS : Verdict.Status.FAIL;
    String judged = String.format("%s%s, got %s%s%s%s", expected.text(), bound.map(b -> " (" + b.description() + ")").orElse(""),
        happened(in), lateOrEarly.map(s -> "; " + s).orElse(""), unexplainedText(in.unexplainedFailures()), in.notBuilt().verdictText());
    String evidence = problems.stream().map(EvidenceProblem::text).collect(Collectors.joining("; "));
    String line = inconclusive
        // The reason first: it is what the user acts on; what the run would have been judged on follows.
        ? String.format("VERDICT INCONCLUSIVE %s: %s; not judged: %s", in.simulation(), evidence, judged)
        : String.format("VERDICT %s %s: %s", status, in.simulation(), judged)
            + (problems.isEmpty() ? "" : "; evidence: " + evidence)
            + (checked ? "" : " (expectations not checked: " + whyNotChecked(in, expected) + ")");
    return new Verdict(in.simulation(), expected.outcome().label(), checked, !inconclusive && (!checked || met), line, status,
        problems);
  }

  /** The causes that hold, each alone: the switch where it is off here, an expectation of anything where that was fixed. */
  private static String whyNotChecked(Inputs in, Expected expected) {
    List<String> causes = new ArrayList<>();
    if (!in.settings().verdict().isChecked()) {
      causes.add("verdict.enabled=" + in.settings().verdict().enabled().configName());
    }
    if (expected.outcome() == Expected.Outcome.ANY) {
      causes.add("expectation any");
    }
    return String.join(", and ", causes);
  }

  private static String happened(Inputs in) {
    return in.onset()
        .map(o -> String.format("exhaustion at %.1f s%s (%s, %d %s in use toward the target, %s open)",
            o.elapsedSeconds(), offset(in.prediction(), o), o.code(), o.portsInUseTowardTarget(), Plural.of(o.portsInUseTowardTarget(), "port"),
            o.descriptorsOpen().map(open -> open + " " + Plural.of(open, "descriptor")).orElse("n/a descriptors")))
        .orElse(String.format("no exhaustion, peak utilisation %.1f %%, peak %d open %s toward the target, peak %d descriptors open%s",
            in.peaks().utilisationPercent(), in.peaks().openTowardTarget(), Plural.of(in.peaks().openTowardTarget(), "socket"),
            in.peaks().descriptorsOpen(),
            // The server's own, where the harness runs it: the resource a server-limited scenario models.
            in.peaks().serverDescriptorsOpen().map(open -> String.format(", peak %d descriptors open in the server process", open))
                .orElse("")));
  }

  private static String offset(Optional<Prediction> prediction, OnsetRecord onset) {
    return prediction.flatMap(Prediction::onsetSeconds)
        .map(p -> p > 0 ? String.format(", %+.1f %%", 100 * (onset.elapsedSeconds() - p) / p)
            : String.format(", %+.1f s", onset.elapsedSeconds() - p)) // predicted at the start: no share of it
        .orElse("");
  }

  /** How far the onset may be from the prediction: a share of the predicted moment, at least a floor. */
  private static Optional<Double> onsetToleranceSeconds(Inputs in) {
    return in.prediction().flatMap(Prediction::onsetSeconds)
        .map(predicted -> Math.max(ONSET_TOLERANCE * predicted, ONSET_TOLERANCE_FLOOR_SECONDS));
  }

  /** Why an exhausted run's onset does not count as the predicted one, if it does not. */
  private static Optional<String> onsetOffTime(Inputs in, double allowed) {
    if (in.onset().isEmpty()) {
      return Optional.empty();
    }
    double predicted = in.prediction().flatMap(Prediction::onsetSeconds).orElseThrow();
    double measured = in.onset().get().elapsedSeconds();
    if (Math.abs(measured - predicted) <= allowed) {
      return Optional.empty();
    }
    return Optional.of(String.format("the onset is %.1f s from the prediction, more than the %.1f s allowed (%.0f %% or %.0f s)",
        Math.abs(measured - predicted), allowed, ONSET_TOLERANCE * 100, ONSET_TOLERANCE_FLOOR_SECONDS));
  }

  /**
   * What the failures suggest, from their kinds: a failed check is an answer, and a request the harness could not send
   * never reached the target, so only failures of other kinds can mean the target was lost, refusing or too slow.
   */
  private static String likelyCause(Set<ClassifiedErrorKey> failures) {
    Set<ErrorKind> kinds = failures.stream().map(ClassifiedErrorKey::kind).collect(Collectors.toSet());
    if (kinds.equals(Set.of(ErrorKind.CHECK_FAILED))) {
      return "the target answered, but not as the simulation's checks expect";
    }
    if (kinds.equals(Set.of(ErrorKind.HARNESS_SATURATED))) {
      return "requests the harness could not send: not the target's";
    }
    List<String> causes = new ArrayList<>();
    if (kinds.contains(ErrorKind.CHECK_FAILED)) {
      causes.add("answers that failed the simulation's checks");
    }
    if (kinds.contains(ErrorKind.HARNESS_SATURATED)) {
      causes.add("requests the harness could not send");
    }
    if (kinds.stream().anyMatch(kind -> kind != ErrorKind.CHECK_FAILED && kind != ErrorKind.HARNESS_SATURATED)) {
      causes.add("the target lost, refusing or too slow?");
    }
    return String.join(", and ", causes);
  }

  private static long count(Map<ClassifiedErrorKey, Long> failures, ErrorKind kind) {
    return failures.entrySet().stream().filter(e -> e.getKey().kind() == kind).mapToLong(Map.Entry::getValue).sum();
  }

  private static String unexplainedText(Map<ClassifiedErrorKey, Long> failures) {
    if (failures.isEmpty()) {
      return "";
    }
    long total = failures.values().stream().mapToLong(Long::longValue).sum();
    String counted = String.format("%,d %s that %s not exhaustion", total, Plural.of(total, "failure"), Plural.of(total, "is", "are"));
    return String.format("; but %s came before any (%s): %s", counted, likelyCause(failures.keySet()),
        failures.entrySet().stream().map(e -> String.format("%,d %s", e.getValue(), e.getKey().text())).collect(Collectors.joining(", ")));
  }
}
