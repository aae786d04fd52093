package lab.portexhaustion.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import lab.portexhaustion.config.Scenario;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One unit per figure, named in its label: a run whose visit is three requests (the recorded client-per-request run,
 * its prediction made for a visit of three: 9 ports a visit, 3 a request) shows requests where a label says requests
 * and visits where it says visits, in the comparison's table and in its charts.
 */
class UnitLabelsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path results;

  private RunResults run;

  @BeforeEach
  void aRunOfThreeRequestsPerVisit() throws Exception {
    Path folder = results.resolve("clientperrequestsimulation-20261201204451435");
    PathUtils.copyDirectory(Path.of(getClass().getResource("/fixtures/run/clientperrequestsimulation").toURI()), folder);
    Path summaryFile = folder.resolve("harness/summary.json");
    ObjectNode summary = (ObjectNode) JSON.readTree(summaryFile.toFile());
    for (String prediction : List.of("prediction", "predictionMeasured")) {
      ((ObjectNode) summary.get(prediction)).put("requestsPerVisit", 3).put("perVisit", 9.0);
    }
    ((ObjectNode) summary.get("ports")).put("portsPerVisit", 9.0);
    JSON.writeValue(summaryFile.toFile(), summary);
    run = RunResults.load(folder);
  }

  @Test
  void theTableNamesTheUnitOfEveryFigure() {
    Comparison comparison = ComparisonBuilder.build(Scenario.Family.PORTS, List.of(run), results);

    List<TableText.Line> lines = TableText.lines(comparison);

    assertThat(lines).extracting(TableText.Line::measure).containsExactly("requests OK / KO", "KO %", "KO not built (nothing sent)", "requests per s: mean / peak",
        "requests per visit", "OK latency p50 / p95 / p99 / max (ms)", "peak ports in use: toward target / whole range",
        "peak TIME_WAIT toward target", "ports per visit", "onset", "knee, visits per s: predicted / measured", "verdict");
    assertThat(cell(lines, "requests per visit")).isEqualTo("3");
    assertThat(cell(lines, "ports per visit")).isEqualTo("9.00");
    assertThat(cell(lines, "requests per s: mean / peak")).isEqualTo("41.5 / 66");
    // The predicted knee is the verdict line's (the recorded prediction's 995 free ports / 60 s / 3.00 ports a visit).
    // The onset counts requests; the measured knee visits: the 29 requests that succeeded in the TIME_WAIT before the
    // onset (4 + 10 + 15 in the recorded seconds), over 60 s, over 3 requests a visit: 0.16 visits/s (0.48 were it requests).
    assertThat(cell(lines, "onset")).startsWith("11.3 s, 333 requests, 1,000 ports in use");
    assertThat(cell(lines, "knee, visits per s: predicted / measured")).isEqualTo("5.5 / 0.2");
  }

  /**
   * A loop the chain counts once went round more: 332 requests succeeded by the onset over 83 visits served, 4 a visit
   * against the 3 counted. The table says both, and the measured knee counts visits of 4: 29 / 60 s / 4 = 0.12.
   */
  @Test
  void aVisitThatSentMoreRequestsThanItsChainCountsIsMeasuredSo() throws Exception {
    List<TableText.Line> lines = linesWithVisitsServed(83);

    assertThat(cell(lines, "requests per visit")).isEqualTo("3 counted, 4.0 measured");
    assertThat(cell(lines, "knee, visits per s: predicted / measured")).isEqualTo("5.5 / 0.1");
  }

  @Test
  void aVisitThatSentTheRequestsItsChainCountsShowsTheCountAlone() throws Exception {
    // 2.96 a visit: the visits under way at the onset had sent fewer
    assertThat(cell(linesWithVisitsServed(112), "requests per visit")).isEqualTo("3");
  }

  /** The table of the recorded run, its onset having counted {@code visits} visits served. */
  private List<TableText.Line> linesWithVisitsServed(int visits) throws Exception {
    Path summaryFile = run.folder().resolve("harness/summary.json");
    ObjectNode summary = (ObjectNode) JSON.readTree(summaryFile.toFile());
    ((ObjectNode) summary.get("onset")).put("visitsServed", visits);
    JSON.writeValue(summaryFile.toFile(), summary);
    return TableText.lines(ComparisonBuilder.build(Scenario.Family.PORTS, List.of(RunResults.load(run.folder())), results));
  }

  /** An onset after one request, with one port in use: said in the singular, where the cell said "1 requests, 1 ports". */
  @Test
  void anOnsetAfterOneRequestWithOnePortInUseIsSaidInTheSingular() throws Exception {
    Path summaryFile = run.folder().resolve("harness/summary.json");
    ObjectNode summary = (ObjectNode) JSON.readTree(summaryFile.toFile());
    ((ObjectNode) summary.get("onset")).put("requestsStarted", 1).put("portsInUseTowardTarget", 1);
    JSON.writeValue(summaryFile.toFile(), summary);

    List<TableText.Line> lines = TableText.lines(ComparisonBuilder.build(Scenario.Family.PORTS, List.of(RunResults.load(run.folder())), results));

    assertThat(cell(lines, "onset")).startsWith("11.3 s, 1 request, 1 port in use, ");
  }

  @Test
  void theChartsCountRequestsAndSaySo() {
    String name = RunNames.of(List.of(run)).get(run.folder());

    ChartSeries charts = ChartSeries.of(Scenario.Family.PORTS, List.of(run));

    assertThat(charts.rates()).extracting(ChartSeries.Series::label)
        .containsExactly(name + ": requests started/s", name + ": requests OK/s", name + ": requests KO/s");
    // Started counts each request, not each visit of three: the recorded seconds' 4, 10 and 15.
    assertThat(charts.rates().get(0).values()).containsExactly(4.0, 10.0, 15.0);
    assertThat(charts.latencies()).extracting(ChartSeries.Series::label)
        .containsExactly(name + ": p50 ms", name + ": p95 ms", name + ": p99 ms");
    assertThat(charts.main().yLabel()).isEqualTo("sockets");
    assertThat(charts.main().limitLabel()).isEqualTo("ephemeral range (1000 ports)");
  }

  private static String cell(List<TableText.Line> lines, String measure) {
    return lines.stream().filter(line -> line.measure().equals(measure)).findFirst().orElseThrow().cells().get(0);
  }
}
