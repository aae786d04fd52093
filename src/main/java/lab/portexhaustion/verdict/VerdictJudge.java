package lab.portexhaustion.verdict;

import java.util.Optional;
import lab.portexhaustion.config.Expectation;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.StrategyKind;
import lab.portexhaustion.onset.OnsetRecord;
import lab.portexhaustion.sampler.SamplePeaks;

/** Holds a finished run against the expectation for its strategy. */
public final class VerdictJudge {

  /**
   * Connections a pooled MongoClient may hold beyond its pool: the monitoring connection, and the
   * round-trip-time monitor of the streaming protocol on a real mongod 4.4+.
   */
  static final int MONITORING_CONNECTIONS = 2;

  private VerdictJudge() {}

  public static Verdict judge(String simulation, StrategyKind kind, HarnessSettings settings, Optional<OnsetRecord> onset,
      SamplePeaks peaks) {
    Expectation expected = settings.verdict().expectationFor(kind);
    boolean checked = settings.verdict().isChecked() && expected != Expectation.ANY;
    String happened = onset
        .map(o -> String.format("exhaustion at %.1f s (%s, %s ports in use toward the target)", o.elapsedSeconds(), o.code(),
            o.portsInUseTowardTarget()))
        .orElse(String.format("no exhaustion, peak utilisation %.1f %%, peak %d open sockets toward the target",
            peaks.utilisationPercent(), peaks.openTowardTarget()));
    boolean met = switch (expected) {
      case EXHAUSTION -> onset.isPresent();
      case CLEAN -> onset.isEmpty() && withinPool(kind, settings, peaks);
      case ANY -> true;
    };
    String status = !checked ? "INFO" : met ? "PASS" : "FAIL";
    String poolBound = kind == StrategyKind.POOLED && expected == Expectation.CLEAN
        ? " (open sockets at most maxPoolSize " + settings.pool().maxPoolSize() + " + " + MONITORING_CONNECTIONS + " monitoring)"
        : "";
    String line = String.format("VERDICT %s %s: expected %s%s, got %s%s", status, simulation, expected.configName(), poolBound,
        happened, checked ? "" : " (expectations not checked: verdict.enabled=" + settings.verdict().enabled().configName() + ")");
    return new Verdict(simulation, expected.configName(), checked, !checked || met, line);
  }

  private static boolean withinPool(StrategyKind kind, HarnessSettings settings, SamplePeaks peaks) {
    return kind != StrategyKind.POOLED || peaks.openTowardTarget() <= settings.pool().maxPoolSize() + MONITORING_CONNECTIONS;
  }
}
