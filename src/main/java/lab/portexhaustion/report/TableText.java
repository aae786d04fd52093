package lab.portexhaustion.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import lab.portexhaustion.config.Scenario;

/**
 * The comparison table as text cells, shared by the HTML and the Markdown versions so both show
 * the same figures: one line per measure, one column per run.
 */
final class TableText {

  record Line(String measure, List<String> cells) {}

  private TableText() {}

  static List<String> header(Comparison c) {
    return c.table().stream().map(Comparison.Row::label).toList();
  }

  static List<Line> lines(Comparison c) {
    List<Line> lines = new ArrayList<>(List.of(
        line(c, "requests OK / KO", r -> String.format("%,d / %,d", r.ok(), r.ko())),
        line(c, "KO %", r -> String.format("%.2f %%", r.koPercent())),
        line(c, "throughput mean / peak per s", r -> String.format("%.1f / %,d", r.meanPerSecond(), r.peakPerSecond())),
        line(c, "OK latency p50 / p95 / p99 / max (ms)", r -> String.format("%.2f / %.2f / %.2f / %.2f",
            r.latencyP50Millis(), r.latencyP95Millis(), r.latencyP99Millis(), r.latencyMaxMillis()))));
    lines.addAll(Scenario.Family.IDLE_CONNECTIONS.configName().equals(c.family()) ? connectionLines(c) : portLines(c));
    lines.add(line(c, "verdict", r -> r.verdict().replaceFirst("^VERDICT (\\w+) .*$", "$1")));
    return lines;
  }

  /** What the idle-connection scenarios run out of: connections and the descriptors they hold. */
  private static List<Line> connectionLines(Comparison c) {
    return List.of(
        line(c, "server", r -> r.serverLimits() == null ? r.conditions().targetKind() : r.serverLimits()),
        line(c, "peak open connections toward target (model)", r -> String.format("%,d%s", r.peakOpenTowardTarget(),
            r.expectedOpenTowardTarget() == null ? ""
                : String.format(" (%,.0f, ratio %.2f)", r.expectedOpenTowardTarget(), r.peakOpenTowardTarget() / r.expectedOpenTowardTarget()))),
        line(c, "peak descriptors open / limit", r -> String.format("%,d / %,d", r.peakDescriptorsOpen(), r.conditions().descriptorLimit())),
        line(c, "server's peak descriptors open / its limit", r -> r.serverPeakDescriptorsOpen() == null ? "n/a"
            : String.format("%,d / %,d", r.serverPeakDescriptorsOpen(), r.serverDescriptorLimit())),
        line(c, "onset", r -> r.onset() == null ? "none" : String.format("%.1f s, %s, %,d requests, %,d descriptors%s and %s connections open,"
                + " %s (%s)",
            r.onset().elapsedSeconds(), r.onset().side() == null ? "?" : "the " + r.onset().side() + " ran out", r.onset().requestsStarted(),
            r.onset().descriptorsOpen(), r.onset().serverDescriptorsOpen() == null ? "" : String.format(" (the server's %,d)",
                r.onset().serverDescriptorsOpen()),
            r.onset().openTowardTarget() == null ? "?" : String.format("%,d", r.onset().openTowardTarget()), r.onset().kind(),
            r.onset().code())));
  }

  /** What the churn scenarios run out of: ephemeral ports. */
  private static List<Line> portLines(Comparison c) {
    return List.of(
        line(c, "peak ports in use: toward target / whole range", r -> String.format("%,d / %,d of %,d",
            r.peakPortsInUseTowardTarget(), r.peakPortsInUseAnyDestination(), r.conditions().rangeSize())),
        line(c, "peak TIME_WAIT toward target", r -> String.format("%,d", r.peakTimeWaitTowardTarget())),
        line(c, "ports per request", r -> r.portsPerRequest() == null ? "n/a" : String.format("%.2f", r.portsPerRequest())),
        line(c, "onset", TableText::onset),
        line(c, "knee rate per s: predicted / measured", r -> String.format("%s / %s",
            r.predictedKneePerSecond() == null ? "n/a" : String.format("%.1f", r.predictedKneePerSecond()),
            r.measuredKneePerSecond() == null ? "none reached" : String.format("%.1f", r.measuredKneePerSecond()))));
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
