package lab.portexhaustion.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.portexhaustion.verdict.Verdict;
import org.junit.jupiter.api.Test;

/** Text from outside the harness — server error messages, settings, names — is shown as text, never as markup. */
class HtmlReportTest {

  private static final String HOSTILE = "<script>alert('x')</script>";

  private static Comparison comparisonWith(String text) {
    Comparison.Conditions conditions = new Comparison.Conditions("Linux", 40000, 40999, 1000, 60, Optional.of(0), Optional.of(1024L),
        true, "uri", "MongoDB deployment", "8.0.4", "0.1.0", "abc123");
    Comparison.Onset onset = new Comparison.Onset(12.5, Optional.of("client"), 900, 1000, 0, Optional.of(120L), Optional.empty(), "other",
        "other", "MongoCommandException: " + text, Optional.empty(), 80);
    Comparison.Row row = new Comparison.Row("RawSocketSimulation", Optional.of("raw-socket"), "raw-socket", "rawsocketsimulation-1",
        "../rawsocketsimulation-1/index.html", conditions, 10, 5, 33.3, 10, 12, 1, 2, 3, 4, 1000, 1000, 999, 100.0, Optional.of(1.0), 3,
        Optional.empty(), 120, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(onset), Optional.empty(),
        Optional.of(16.7), Optional.of(16.6), "VERDICT PASS RawSocketSimulation: " + text, true,
        Verdict.Status.PASS, Optional.empty());
    return new Comparison("ports", "Pooled vs unpooled", List.of("rawsocketsimulation-1"),
        Map.of("collection", Map.of("RawSocketSimulation", text)), List.of(row));
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
}
