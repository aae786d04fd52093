package lab.portexhaustion.report;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import lab.portexhaustion.Plural;
import lab.portexhaustion.verdict.Verdict;

/**
 * {@code index.html}: conditions, the table, links to each Gatling report, and three uPlot
 * charts (the family's resource, rates, latency) drawn by {@code assets/comparison.js} from data embedded in the page. Every text that
 * comes from outside (error messages, settings, names) is escaped; the embedded JSON escapes
 * {@code <}, {@code >} and {@code &} so no text can close its script element.
 */
final class HtmlReport {

  private static final ObjectMapper SCRIPT_SAFE_JSON = scriptSafeJson();

  private HtmlReport() {}

  static String render(Comparison c, Trend trend, ChartSeries charts) throws JsonProcessingException {
    StringBuilder h = new StringBuilder();
    h.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Port Exhaustion Lab: ").append(escapeHtml4(c.title())).append("</title>\n")
        .append("<link rel=\"stylesheet\" href=\"assets/uPlot.min.css\">\n<link rel=\"stylesheet\" href=\"assets/comparison.css\">\n")
        .append("</head>\n<body>\n<h1>").append(escapeHtml4(c.title())).append("</h1>\n");
    conditions(h, c);
    table(h, c);
    h.append("<h2>").append(escapeHtml4(charts.main().title())).append("</h2>\n<div class=\"chart\" id=\"")
        .append(charts.main().id()).append("\"></div>\n")
        .append("<h2>Requests started, OK and KO per second</h2>\n<div class=\"chart\" id=\"chart-rates\"></div>\n")
        .append("<h2>OK latency percentiles per second</h2>\n<div class=\"chart\" id=\"chart-latency\"></div>\n");
    trend(h, c, trend);
    h.append("<h2>Verdicts</h2>\n<ul class=\"verdicts\">\n");
    c.table().forEach(r -> h.append("<li class=\"").append(verdictClass(r.verdictStatus())).append("\">")
        .append(escapeHtml4(r.verdict())).append("</li>\n"));
    h.append("</ul>\n<p class=\"links\">Gatling reports: ");
    c.table().forEach(r -> h.append(reportLink(r, r.simulation())).append(" "));
    h.append("· <a href=\"comparison.json\">comparison.json</a> · <a href=\"comparison.md\">comparison.md</a></p>\n");
    h.append("<script type=\"application/json\" id=\"chart-data\">").append(SCRIPT_SAFE_JSON.writeValueAsString(charts))
        .append("</script>\n<script src=\"assets/uPlot.iife.min.js\"></script>\n<script src=\"assets/comparison.js\"></script>\n")
        .append("</body>\n</html>\n");
    return h.toString();
  }

  private static void conditions(StringBuilder h, Comparison c) {
    h.append("<h2>Conditions</h2>\n<table class=\"conditions\">\n<tr><th>run</th><th>OS</th><th>ephemeral range</th>")
        .append("<th>TIME_WAIT</th><th>tcp_tw_reuse</th><th>descriptor limit</th><th>target</th><th>harness</th></tr>\n");
    for (Comparison.Row r : c.table()) {
      Comparison.Conditions k = r.conditions();
      h.append("<tr><td>").append(reportLink(r, r.runFolder())).append("</td><td>").append(escapeHtml4(k.os())).append("</td><td>")
          .append(String.format("%d-%d (%,d %s)", k.rangeLow(), k.rangeHigh(), k.rangeSize(), Plural.of(k.rangeSize(), "port"))).append("</td><td>")
          .append(k.timeWaitSeconds()).append(" s</td><td>").append(k.tcpTwReuse().map(String::valueOf).orElse("n/a"))
          .append("</td><td>").append(k.descriptorLimit().map(String::valueOf).orElse("n/a")).append("</td><td>")
          .append(escapeHtml4(k.targetKind() + ", " + k.targetServer() + ", MongoDB " + k.targetVersion())).append("</td><td>")
          .append(escapeHtml4(k.harnessVersion() + " @ " + k.gitCommit())).append(k.contained() ? ", namespace launcher" : "")
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
    if (!c.settingsThatDiffer().isEmpty()) {
      h.append("<p>Settings that differ between the runs:</p>\n<ul class=\"settings\">\n");
      c.settingsThatDiffer().forEach((key, values) -> h.append("<li><code>").append(escapeHtml4(key)).append("</code>: ")
          .append(escapeHtml4(values.toString())).append("</li>\n"));
      h.append("</ul>\n");
    }
  }

  /** {@code text} linked to the run's Gatling report; where its folder has none, said instead of a link that leads nowhere. */
  private static String reportLink(Comparison.Row r, String text) {
    return r.gatlingReport().map(report -> "<a href=\"" + escapeHtml4(report) + "\">" + escapeHtml4(text) + "</a>")
        .orElse(escapeHtml4(text) + " (no Gatling report: no index.html in its folder, as when its run was interrupted or"
            + " Gatling was told to write none; the figures here are the harness's own)");
  }

  private static void table(StringBuilder h, Comparison c) {
    h.append("<h2>Per scenario</h2>\n<table class=\"results\">\n<tr><th></th>");
    List<String> header = TableText.header(c);
    header.forEach(s -> h.append("<th>").append(escapeHtml4(s)).append("</th>"));
    h.append("</tr>\n");
    for (TableText.Line line : TableText.lines(c)) {
      h.append("<tr><th>").append(escapeHtml4(line.measure())).append("</th>");
      line.cells().forEach(v -> h.append("<td>").append(escapeHtml4(v)).append("</td>"));
      h.append("</tr>\n");
    }
    h.append("</table>\n<p class=\"errors\">First error of each run: ");
    c.table().forEach(r -> h.append("<span>").append(escapeHtml4(r.label())).append(": ")
        .append(escapeHtml4(r.onset().map(Comparison.Onset::message).orElse("no exhaustion"))).append("</span> "));
    h.append("</p>\n");
  }

  private static void trend(StringBuilder h, Comparison c, Trend trend) {
    if (trend.nights().isEmpty()) {
      return;
    }
    List<String> columns = TableText.header(c);
    h.append("<h2>Last nights</h2>\n<table class=\"trend\">\n<tr><th>night</th>");
    columns.forEach(s -> h.append("<th>").append(escapeHtml4(s)).append("</th>"));
    h.append("</tr>\n");
    for (List<String> row : trend.rows(c.table())) {
      h.append("<tr>");
      row.forEach(v -> h.append("<td>").append(escapeHtml4(v)).append("</td>"));
      h.append("</tr>\n");
    }
    h.append("</table>\n");
  }

  private static ObjectMapper scriptSafeJson() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.getFactory().setCharacterEscapes(new CharacterEscapes() {
      private final int[] escapes = withAngleBracketsAndAmpersand();

      @Override
      public int[] getEscapeCodesForAscii() {
        return escapes;
      }

      @Override
      public SerializableString getEscapeSequence(int ch) {
        return null;
      }

      private int[] withAngleBracketsAndAmpersand() {
        int[] codes = CharacterEscapes.standardAsciiEscapesForJSON();
        codes['<'] = CharacterEscapes.ESCAPE_STANDARD;
        codes['>'] = CharacterEscapes.ESCAPE_STANDARD;
        codes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        return codes;
      }
    });
    return mapper;
  }

  /** A verdict's look: a pass and a line that only reports alike, a failure in red, an inconclusive run apart from both. */
  private static String verdictClass(Verdict.Status status) {
    return switch (status) {
      case PASS, INFO -> "pass";
      case FAIL -> "fail";
      case INCONCLUSIVE -> "inconclusive";
    };
  }
}
