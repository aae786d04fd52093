package lab.portexhaustion.verdict;

import java.util.Optional;
import lab.portexhaustion.config.Expectation;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.onset.OnsetRecord;
import lab.portexhaustion.sampler.SamplePeaks;

/** Holds a finished run against the expectation for its scenario. */
public final class VerdictJudge {

  private VerdictJudge() {}

  public static Verdict judge(String simulation, Scenario scenario, HarnessSettings settings, Optional<OnsetRecord> onset,
      SamplePeaks peaks) {
    Expectation expected = settings.verdict().expectationFor(scenario);
    boolean checked = settings.verdict().isChecked() && expected != Expectation.ANY;
    Optional<OpenConnectionBound> bound = expected == Expectation.CLEAN ? OpenConnectionBound.of(scenario, settings) : Optional.empty();
    String happened = onset
        .map(o -> String.format("exhaustion at %.1f s (%s, %s ports in use toward the target, %d descriptors open)",
            o.elapsedSeconds(), o.code(), o.portsInUseTowardTarget(), o.descriptorsOpen()))
        .orElse(String.format("no exhaustion, peak utilisation %.1f %%, peak %d open sockets toward the target",
            peaks.utilisationPercent(), peaks.openTowardTarget()));
    boolean met = switch (expected) {
      case EXHAUSTION -> onset.isPresent();
      case CLEAN -> onset.isEmpty() && bound.map(b -> peaks.openTowardTarget() <= b.allowed()).orElse(true);
      case ANY -> true;
    };
    String status = !checked ? "INFO" : met ? "PASS" : "FAIL";
    String line = String.format("VERDICT %s %s: expected %s%s, got %s%s", status, simulation, expected.configName(),
        bound.map(b -> " (" + b.description() + ")").orElse(""), happened,
        checked ? "" : " (expectations not checked: verdict.enabled=" + settings.verdict().enabled().configName() + ")");
    return new Verdict(simulation, expected.configName(), checked, !checked || met, line);
  }
}
