package lab.portexhaustion.report;

import static lab.portexhaustion.report.MarkdownReport.cell;

/** {@code merged.md}: the merged runs, one line per client and the total, and the onsets on the merged timeline. */
final class MergeMarkdown {

  private MergeMarkdown() {}

  static String render(MergedRuns m) {
    MergedRuns.Total t = m.total();
    StringBuilder md = new StringBuilder("# Port Exhaustion Lab: ").append(t.clients()).append(" runs merged\n\n");
    md.append(String.format("Timeline from %s (second 0), %,d s. Latencies: OK requests, percentiles of the merged HdrHistograms."
        + " Peaks of all clients: the peak of the per-second sums.%n%n", m.firstSecondAt(), m.perSecond().size()));
    md.append("| client | scenario | starts at s | requests started | OK | KO | OK p50 / p95 / p99 / max ms | peak ports toward target"
        + " | peak open toward target | peak descriptors | onset |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (MergedRuns.Client c : m.clients()) {
      md.append(String.format("| %s | %s | %d | %,d | %,d | %,d | %.2f / %.2f / %.2f / %.2f | %,d of %,d | %,d | %,d of %s | %s |%n",
          cell(c.client()), cell(c.scenario()), c.startSecond(), c.started(), c.ok(), c.ko(), c.latencyP50Millis(), c.latencyP95Millis(),
          c.latencyP99Millis(), c.latencyMaxMillis(), c.peakPortsInUseTowardTarget(), c.rangeSize(), c.peakOpenTowardTarget(),
          c.peakDescriptorsOpen(), c.descriptorLimit().map(limit -> String.format("%,d", limit)).orElse("n/a"),
          c.onset().map(MergeMarkdown::onset).orElse("none")));
    }
    md.append(String.format("| **all %d** | | | %,d | %,d | %,d (%.2f %%) | %.2f / %.2f / %.2f / %.2f | %,d | %,d | %,d | %s |%n",
        t.clients(), t.started(), t.ok(), t.ko(), t.koPercent(), t.latencyP50Millis(), t.latencyP95Millis(), t.latencyP99Millis(),
        t.latencyMaxMillis(), t.peakPortsInUseTowardTarget(), t.peakOpenTowardTarget(), t.peakDescriptorsOpen(),
        t.firstOnset().map(first -> t.clientsWithOnset() + " clients; first: " + cell(first.client()) + " at " + onset(first))
            .orElse("none")));
    md.append(String.format("%nBusiest second: %,d requests started.%n", t.peakStartedPerSecond()));
    m.fleetVerdict().ifPresent(verdict -> md.append('\n').append(verdict.line()).append('\n'));
    return md.toString();
  }

  private static String onset(MergedRuns.Onset o) {
    return String.format("%.1f s (%.1f s into its run, after %,d requests): %s", o.sinceFirstSecond(), o.elapsedSeconds(),
        o.requestsStarted(), cell(o.message()));
  }
}
