package lab.portexhaustion.report;

import java.util.List;
import java.util.function.Function;

/**
 * The comparison table as text cells, shared by the HTML and the Markdown versions so both show
 * the same figures: one line per measure, one column per run.
 */
final class TableText {

  record Line(String measure, List<String> cells) {}

  private TableText() {}

  static List<String> header(Comparison c) {
    return c.table().stream().map(Comparison.Row::strategy).toList();
  }

  static List<Line> lines(Comparison c) {
    return List.of(
        line(c, "requests OK / KO", r -> String.format("%,d / %,d", r.ok(), r.ko())),
        line(c, "KO %", r -> String.format("%.2f %%", r.koPercent())),
        line(c, "throughput mean / peak per s", r -> String.format("%.1f / %,d", r.meanPerSecond(), r.peakPerSecond())),
        line(c, "OK latency p50 / p95 / p99 / max (ms)", r -> String.format("%.2f / %.2f / %.2f / %.2f",
            r.latencyP50Millis(), r.latencyP95Millis(), r.latencyP99Millis(), r.latencyMaxMillis())),
        line(c, "peak ports in use: toward target / whole range", r -> String.format("%,d / %,d of %,d",
            r.peakPortsInUseTowardTarget(), r.peakPortsInUseAnyDestination(), r.conditions().rangeSize())),
        line(c, "peak TIME_WAIT toward target", r -> String.format("%,d", r.peakTimeWaitTowardTarget())),
        line(c, "ports per request", r -> r.portsPerRequest() == null ? "n/a" : String.format("%.2f", r.portsPerRequest())),
        line(c, "onset", TableText::onset),
        line(c, "knee rate per s: predicted / measured", r -> String.format("%s / %s",
            r.predictedKneePerSecond() == null ? "n/a" : String.format("%.1f", r.predictedKneePerSecond()),
            r.measuredKneePerSecond() == null ? "none reached" : String.format("%.1f", r.measuredKneePerSecond()))),
        line(c, "verdict", r -> r.verdict().replaceFirst("^VERDICT (\\w+) .*$", "$1")));
  }

  static String onset(Comparison.Row r) {
    Comparison.Onset o = r.onset();
    if (o == null) {
      return String.format("none (peak utilisation %.1f %%)", r.peakUtilisationPercent());
    }
    return String.format("%.1f s, %,d requests, %s ports in use, %s (%s)", o.elapsedSeconds(), o.requestsStarted(),
        o.portsInUseTowardTarget() == null ? "?" : String.format("%,d", o.portsInUseTowardTarget()), o.kind(), o.code());
  }

  private static Line line(Comparison c, String measure, Function<Comparison.Row, String> cell) {
    return new Line(measure, c.table().stream().map(cell).toList());
  }
}
