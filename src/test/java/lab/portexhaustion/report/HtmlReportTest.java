package lab.portexhaustion.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import lab.portexhaustion.verdict.Verdict;
import org.junit.jupiter.api.Test;

/** Text from outside the harness — server error messages, settings, names — is shown as text, never as markup. */
class HtmlReportTest {

  private static final String HOSTILE = "<script>alert('x')</script>";

  private static final Comparison.Conditions CONDITIONS = new Comparison.Conditions("Linux", 40000, 40999, 1000, 60, Optional.of(0),
      Optional.of(1024L), true, "uri", "MongoDB deployment", "8.0.4", "0.1.0", "abc123");

  private static Comparison comparisonWith(String text) {
    return new Comparison("ports", "Pooled vs unpooled", List.of("rawsocketsimulation-1"),
        Map.of("collection", Map.of("RawSocketSimulation", text)), List.of(row("RawSocketSimulation", CONDITIONS, text)));
  }

  private static Comparison.Row row(String simulation, Comparison.Conditions conditions, String text) {
    Comparison.Onset onset = new Comparison.Onset(12.5, Optional.of("client"), 900, 1000, 0, Optional.of(120L), Optional.empty(), "other",
        "other", "MongoCommandException: " + text, Optional.empty(), 80, Optional.of(1.0));
    return new Comparison.Row(simulation, Optional.of("raw-socket"), "raw-socket", simulation.toLowerCase() + "-1",
        Optional.of("../" + simulation.toLowerCase() + "-1/index.html"), conditions, 10, 5, 33.3, Optional.of(0L), 10, 12, 1, 2, 3, 4, 1000, 1000, 999, 100.0, Optional.of(1.0), 3,
        Optional.empty(), 120, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(onset), Optional.empty(),
        Optional.of(16.7), Optional.of(16.6), "VERDICT PASS " + simulation + ": " + text, true,
        Verdict.Status.PASS, Optional.empty());
  }

  private static ChartSeries charts(List<ChartSeries.Series> lines) {
    return new ChartSeries(List.of(0, 1), new ChartSeries.MainChart("chart-ports", "Ports", "sockets", lines, List.of(),
        "ephemeral range (1000 ports)", 1000), List.of(), List.of());
  }

  @Test
  void escapesAnErrorMessageWithAScriptTagInEveryPlaceItShows() throws Exception {
    String html = HtmlReport.render(comparisonWith(HOSTILE), Trend.NONE, charts(List.of()));

    assertThat(html).doesNotContain(HOSTILE).contains("&lt;script&gt;alert('x')&lt;/script&gt;");
    assertThat(html.split("<script", -1)).as("only the page's own three script elements").hasSize(4);
  }

  @Test
  void chartDataCannotCloseItsScriptElement() throws Exception {
    ChartSeries withHostileLabel = charts(List.of(new ChartSeries.Series("</script>" + HOSTILE, "raw-socket", "raw-socket", Arrays.asList(1.0, null))));

    String html = HtmlReport.render(comparisonWith("plain"), Trend.NONE, withHostileLabel);

    assertThat(html).doesNotContain("</script>" + HOSTILE).contains("\\u003C/script\\u003E");
  }

  @Test
  void markdownCellsCannotBreakTheTableOrAddMarkup() {
    String md = MarkdownReport.render(comparisonWith(HOSTILE + " | pipe"), Trend.NONE, "comparison.png");

    assertThat(md).doesNotContain("<script>").contains("&lt;script&gt;", "\\| pipe");
  }

  @Test
  void markdownGivesEachRunItsOwnConditionsWhenTheyDiffer() {
    Comparison.Conditions hostRange = new Comparison.Conditions("Linux", 32768, 60999, 28232, 60, Optional.of(2), Optional.of(1024L),
        false, "embedded", "mongo-java-server 1.47.0 (process 7784)", "7.0.0", "0.1.0", "abc123");
    Comparison differ = new Comparison("ports", "Pooled vs unpooled", List.of("a", "b"), Map.of(),
        List.of(row("PooledSimulation", hostRange, "x"), row("RawSocketSimulation", CONDITIONS, "y")));
    Comparison same = new Comparison("ports", "Pooled vs unpooled", List.of("a", "b"), Map.of(),
        List.of(row("PooledSimulation", CONDITIONS, "x"), row("RawSocketSimulation", CONDITIONS, "y")));

    assertThat(MarkdownReport.render(differ, Trend.NONE, "comparison.png"))
        .contains("- PooledSimulation: Linux, ephemeral range 32768-60999 (28,232 ports), TIME_WAIT 60 s, tcp_tw_reuse 2,")
        .contains("- RawSocketSimulation: Linux, ephemeral range 40000-40999 (1,000 ports), TIME_WAIT 60 s, tcp_tw_reuse 0,");
    assertThat(MarkdownReport.render(same, Trend.NONE, "comparison.png"))
        .contains("\n\nLinux, ephemeral range 40000-40999 (1,000 ports)").doesNotContain("- PooledSimulation:");
  }

  /** A range of one port (ip_local_port_range "40000 40000", as a test of exhaustion may set) read "(1 ports)" in both reports. */
  @Test
  void aRangeOfOnePortSaysOnePortInBothReports() throws Exception {
    Comparison.Conditions onePort = new Comparison.Conditions("Linux", 40000, 40000, 1, 60, Optional.of(0), Optional.of(1024L), true,
        "uri", "MongoDB deployment", "8.0.4", "0.1.0", "abc123");
    Comparison comparison = new Comparison("ports", "Pooled vs unpooled", List.of("a"), Map.of(), List.of(row("A", onePort, "x")));

    assertThat(MarkdownReport.render(comparison, Trend.NONE, "comparison.png")).contains("ephemeral range 40000-40000 (1 port),");
    assertThat(HtmlReport.render(comparison, Trend.NONE, charts(List.of()))).contains("<td>40000-40000 (1 port)</td>");
  }

  @Test
  void markdownListsTheSettingsThatDifferSeparatedNotEnded() {
    Map<String, Map<String, String>> settings = new TreeMap<>(Map.of(
        "load.peakRate", Map.of("A", "100"), "pool.maxPoolSize", Map.of("A", "10")));
    Comparison differ = new Comparison("ports", "Pooled vs unpooled", List.of("a"), settings, List.of(row("A", CONDITIONS, "x")));

    assertThat(MarkdownReport.render(differ, Trend.NONE, "comparison.png"))
        .contains("\nSettings that differ: `load.peakRate` {A=100}; `pool.maxPoolSize` {A=10}\n");
  }
}
