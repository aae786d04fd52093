package lab.portexhaustion.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lab.portexhaustion.Plural;

/** {@code comparison.md}: the table and the verdicts, for CI step summaries and pull requests. */
final class MarkdownReport {

  private MarkdownReport() {}

  static String render(Comparison c, Trend trend, String pngName) {
    StringBuilder md = new StringBuilder("# Port Exhaustion Lab: ").append(cell(c.title())).append("\n\n");
    Map<String, List<String>> runsByConditions = new LinkedHashMap<>();
    c.table().forEach(r -> runsByConditions.computeIfAbsent(conditions(r.conditions()), k -> new ArrayList<>()).add(r.simulation()));
    if (runsByConditions.size() == 1) {
      md.append(runsByConditions.keySet().iterator().next()).append("\n\n");
    } else if (!runsByConditions.isEmpty()) {
      // Runs from different hosts, ranges or servers: each its own, so that none is read under another's conditions.
      runsByConditions.forEach((text, runs) -> md.append("- ").append(cell(String.join(", ", runs))).append(": ").append(text).append('\n'));
      md.append('\n');
    }
    List<String> header = TableText.header(c);
    md.append("| |");
    header.forEach(h -> md.append(' ').append(cell(h)).append(" |"));
    md.append("\n|---|");
    header.forEach(h -> md.append("---|"));
    md.append('\n');
    for (TableText.Line line : TableText.lines(c)) {
      md.append("| ").append(cell(line.measure())).append(" |");
      line.cells().forEach(v -> md.append(' ').append(cell(v)).append(" |"));
      md.append('\n');
    }
    if (!c.settingsThatDiffer().isEmpty()) {
      md.append("\nSettings that differ: ").append(c.settingsThatDiffer().entrySet().stream()
          .map(e -> "`" + e.getKey() + "` " + cell(e.getValue().toString())).collect(Collectors.joining("; "))).append('\n');
    }
    md.append("\n![").append(cell(c.title())).append(": the main chart over time](").append(pngName).append(")\n\n");
    c.table().forEach(r -> md.append("- ").append(cell(r.verdict())).append('\n'));
    if (!trend.nights().isEmpty()) {
      md.append("\n## Last nights\n\n| night |");
      header.forEach(h -> md.append(' ').append(cell(h)).append(" |"));
      md.append("\n|---|");
      header.forEach(h -> md.append("---|"));
      md.append('\n');
      for (List<String> row : trend.rows(c.table())) {
        md.append('|');
        row.forEach(v -> md.append(' ').append(cell(v)).append(" |"));
        md.append('\n');
      }
    }
    return md.toString();
  }

  /** Text from outside (messages, settings) must not break the table or add markup. */
  private static String conditions(Comparison.Conditions k) {
    return String.format("%s, ephemeral range %d-%d (%,d %s), TIME_WAIT %d s, tcp_tw_reuse %s, %s target (%s, MongoDB %s), harness %s @ %s",
        cell(k.os()), k.rangeLow(), k.rangeHigh(), k.rangeSize(), Plural.of(k.rangeSize(), "port"), k.timeWaitSeconds(), k.tcpTwReuse().map(String::valueOf).orElse("n/a"),
        cell(k.targetKind()), cell(k.targetServer()), cell(k.targetVersion()), cell(k.harnessVersion()), cell(k.gitCommit()));
  }

  static String cell(String text) {
    return text == null ? "" : text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\n", " ");
  }
}
