package lab.portexhaustion.report;

import static lab.portexhaustion.report.MarkdownReport.cell;

import lab.portexhaustion.Plural;

/** {@code merged.md}: the merged runs, one line per client and the total, and the onsets on the merged timeline. */
final class MergeMarkdown {

  private MergeMarkdown() {}

  static String render(MergedRuns m) {
    MergedRuns.Total t = m.total();
    StringBuilder md = new StringBuilder("# Port Exhaustion Lab: ").append(t.clients()).append(" ").append(Plural.of(t.clients(), "run")).append(" merged\n\n");
    md.append(String.format("Timeline from %s (second 0), %,d s. Latencies: OK requests, percentiles of the merged HdrHistograms."
        + " Peaks of all clients: the peak of the per-second sums.%n%n", m.firstSecondAt(), m.perSecond().size()));
    md.append("| client | scenario | starts at s | requests started | OK | KO | OK p50 / p95 / p99 / max ms | peak ports toward target"
        + " | peak open toward target | peak descriptors | onset |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (MergedRuns.Client c : m.clients()) {
      md.append(String.format("| %s | %s | %d | %s | %s | %,d of %,d | %,d | %,d of %s | %s |%n",
          cell(c.run().client()), cell(c.run().scenario()), c.run().startSecond(), requests(c.requests()), latency(c.latency()),
          c.peaks().portsInUseTowardTarget(), c.rangeSize(), c.peaks().openTowardTarget(), c.peaks().descriptorsOpen(),
          c.descriptorLimit().map(limit -> String.format("%,d", limit)).orElse("n/a"), c.onset().map(MergeMarkdown::onset).orElse("none")));
    }
    md.append(String.format("| **all %d** | | | %s (%.2f %%) | %s | %,d | %,d | %,d | %s |%n",
        t.clients(), requests(t.requests()), t.koPercent(), latency(t.latency()), t.peaks().portsInUseTowardTarget(),
        t.peaks().openTowardTarget(), t.peaks().descriptorsOpen(),
        t.firstOnset().map(first -> (t.clientsWithOnset() + " " + Plural.of(t.clientsWithOnset(), "client")) + "; first: "
                + cell(first.client()) + " at " + onset(first))
            .orElse("none")));
    md.append(String.format("%nBusiest second: %,d requests started.%n", t.peakStartedPerSecond()));
    m.fleetVerdict().ifPresent(verdict -> md.append('\n').append(verdict.line()).append('\n'));
    return md.toString();
  }

  /** "started | OK | KO", three cells. */
  private static String requests(MergedRuns.Requests r) {
    return String.format("%,d | %,d | %,d", r.started(), r.ok(), r.ko());
  }

  private static String latency(MergedRuns.Latency l) {
    return String.format("%.2f / %.2f / %.2f / %.2f", l.p50Millis(), l.p95Millis(), l.p99Millis(), l.maxMillis());
  }

  private static String onset(MergedRuns.Onset o) {
    return String.format("%.1f s on the timeline (%.1f s into its run, after %,d %s): %s", o.sinceFirstSecond(), o.elapsedSeconds(),
        o.requestsStarted(), Plural.of(o.requestsStarted(), "request"), cell(o.message()));
  }
}
