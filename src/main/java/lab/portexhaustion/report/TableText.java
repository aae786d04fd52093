package lab.portexhaustion.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import lab.portexhaustion.Plural;
import lab.portexhaustion.config.Scenario;

/**
 * The comparison table as text cells, shared by the HTML and the Markdown versions so both show
 * the same figures: one line per measure, one column per run.
 */
final class TableText {

  record Line(String measure, List<String> cells) {}

  /** A count the run's summary.json lacks, as a run written before the harness counted it does: unknown, not 0. */
  static final String NOT_RECORDED = "not recorded";

  private TableText() {}

  static List<String> header(Comparison c) {
    return c.table().stream().map(Comparison.Row::label).toList();
  }

  static List<Line> lines(Comparison c) {
    List<Line> lines = new ArrayList<>(List.of(
        line(c, "requests OK / KO", r -> String.format("%,d / %,d", r.ok(), r.ko())),
        line(c, "KO %", r -> String.format("%.2f %%", r.koPercent())),
        line(c, "KO not built (nothing sent)", r -> r.notBuilt().map(n -> String.format("%,d", n)).orElse(NOT_RECORDED)),
        line(c, "requests per s: mean / peak", r -> String.format("%.1f / %,d", r.meanPerSecond(), r.peakPerSecond())),
        line(c, "requests per visit", Comparison.Row::requestsPerVisitText),
        line(c, "OK latency p50 / p95 / p99 / max (ms)", r -> String.format("%.2f / %.2f / %.2f / %.2f",
            r.latencyP50Millis(), r.latencyP95Millis(), r.latencyP99Millis(), r.latencyMaxMillis()))));
    lines.addAll(Scenario.Family.IDLE_CONNECTIONS.configName().equals(c.family()) ? connectionLines(c) : portLines(c));
    lines.add(line(c, "verdict", r -> r.verdict().replaceFirst("^VERDICT (\\w+) .*$", "$1")));
    return lines;
  }

  /** What the idle-connection scenarios run out of: connections and the descriptors they hold. */
  private static List<Line> connectionLines(Comparison c) {
    return List.of(
        line(c, "server", r -> r.serverLimits().orElse(r.conditions().targetKind())),
        line(c, "peak open connections toward target (model)", r -> String.format("%,d%s", r.peakOpenTowardTarget(),
            r.expectedOpenTowardTarget().map(expected -> String.format(" (%,.0f, ratio %.2f)", expected,
                r.peakOpenTowardTarget() / expected)).orElse(""))),
        line(c, "peak descriptors open / limit", r -> String.format("%,d / %s", r.peakDescriptorsOpen(), count(r.conditions().descriptorLimit()))),
        line(c, "server's peak descriptors open / its limit", r -> r.serverPeakDescriptorsOpen()
            .map(open -> String.format("%,d / %s", open, count(r.serverDescriptorLimit()))).orElse("n/a")),
        line(c, "onset", r -> r.onset().map(o -> String.format("%.1f s, %s, %,d %s, %s descriptors open%s, %,d %s"
                + " open toward the target, %s (%s)",
            o.elapsedSeconds(), o.side().map(side -> "the " + side + " ran out").orElse("?"), o.requestsStarted(),
            Plural.of(o.requestsStarted(), "request"), count(o.descriptorsOpen()),
            o.serverDescriptorsOpen().map(open -> String.format(" (the server's %,d)", open)).orElse(""), o.openTowardTarget(),
            Plural.of(o.openTowardTarget(), "connection"), o.kind(), o.code())).orElse("none")));
  }

  /** What the churn scenarios run out of: ephemeral ports. */
  private static List<Line> portLines(Comparison c) {
    return List.of(
        line(c, "peak ports in use: toward target / whole range", r -> String.format("%,d / %,d of %,d",
            r.peakPortsInUseTowardTarget(), r.peakPortsInUseAnyDestination(), r.conditions().rangeSize())),
        line(c, "peak TIME_WAIT toward target", r -> String.format("%,d", r.peakTimeWaitTowardTarget())),
        line(c, "ports per visit", r -> r.portsPerVisit().map(p -> String.format("%.2f", p)).orElse("n/a")),
        line(c, "onset", TableText::onset),
        line(c, "knee, visits per s: predicted / measured", r -> String.format("%s / %s",
            r.predictedKneeVisitsPerSecond().map(k -> String.format("%.1f", k)).orElse("n/a"),
            r.measuredKneeVisitsPerSecond().map(k -> String.format("%.1f", k)).orElse("none reached"))));
  }

  static String onset(Comparison.Row r) {
    return r.onset().map(o -> String.format("%.1f s, %,d %s, %,d %s in use, %s (%s)", o.elapsedSeconds(), o.requestsStarted(),
            Plural.of(o.requestsStarted(), "request"), o.portsInUseTowardTarget(), Plural.of(o.portsInUseTowardTarget(), "port"), o.kind(),
            o.code()))
        .orElse(String.format("none (peak utilisation %.1f %%)", r.peakUtilisationPercent()));
  }

  /** A count, or "n/a" where it is not known. */
  static String count(Optional<Long> count) {
    return count.map(n -> String.format("%,d", n)).orElse("n/a");
  }

  private static Line line(Comparison c, String measure, Function<Comparison.Row, String> cell) {
    return new Line(measure, c.table().stream().map(cell).toList());
  }
}
