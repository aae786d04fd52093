package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import lab.portexhaustion.record.GatlingLaunch;
import lab.portexhaustion.report.ComparisonWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each simulation of simulations/, short, in a real Gatling JVM against the embedded server, all
 * three as one batch (as one mvn gatling:test makes them), and the comparison they leave behind.
 */
class ShortGatlingRunIT {

  private static final List<String> SIMULATIONS = List.of("ClientPerRequestSimulation", "PooledSimulation", "RawSocketSimulation");
  private static final Pattern GLOBAL_OK = Pattern.compile("<td class=\"value ok col-3\">(\\d+)</td>");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path results;

  @BeforeAll
  static void runTheBatch() throws Exception {
    for (String simulation : SIMULATIONS) {
      GatlingProcess.Result result = GatlingProcess.run(simulation, results, 180, "target=embedded", "load.startRate=5",
          "load.peakRate=30", "load.rampTime=2s", "load.holdTime=3s", GatlingLaunch.BATCH_PROPERTY + "=test-batch");
      assertThat(result.exitCode()).as(result.output()).isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ClientPerRequestSimulation", "PooledSimulation", "RawSocketSimulation"})
  void writesAGatlingReportAndAHarnessSummaryThatAgree(String simulation) throws Exception {
    Path runFolder = onlyRunFolder(simulation);
    long gatlingOk = globalOkCount(runFolder.resolve("index.html"));
    JsonNode summary = JSON.readTree(runFolder.resolve("harness/summary.json").toFile());

    assertThat(gatlingOk).isPositive();
    assertThat(summary.at("/requests/ok").asLong()).isEqualTo(gatlingOk);
    assertThat(summary.at("/requests/ko").asLong()).isZero();
    assertThat(summary.at("/target/kind").asText()).isEqualTo("embedded");
    assertThat(summary.at("/batch").asText()).isEqualTo("test-batch");
    assertThat(summary.at("/onset").isNull()).isTrue();
    assertThat(summary.at("/outcome").asText()).startsWith("no exhaustion (peak utilisation");
    assertThat(runFolder.resolve("harness/ports.csv")).isNotEmptyFile();
    assertThat(Files.readAllLines(runFolder.resolve("harness/requests.csv")).stream().skip(1)
        .mapToLong(line -> Long.parseLong(line.split(",")[2])).sum()).as("OK per second adds up").isEqualTo(gatlingOk);
  }

  @Test
  void theComparisonOfTheBatchMatchesTheRunSummaries() throws Exception {
    Path comparison = results.resolve("comparison");
    assertThat(comparison.resolve("index.html")).isNotEmptyFile();
    assertThat(comparison.resolve("comparison.md")).content().contains("| requests OK / KO |", "![Pooled vs unpooled");
    assertThat(comparison.resolve("comparison.png")).isNotEmptyFile();
    assertThat(comparison.resolve("assets/uPlot.iife.min.js")).isNotEmptyFile();
    JsonNode table = JSON.readTree(comparison.resolve("comparison.json").toFile()).get("table");

    assertThat(table).hasSize(3);
    for (JsonNode row : table) {
      JsonNode summary = JSON.readTree(results.resolve(row.get("runFolder").asText()).resolve("harness/summary.json").toFile());
      assertThat(row.get("simulation").asText()).isEqualTo(summary.get("simulation").asText());
      assertThat(row.get("ok").asLong()).isEqualTo(summary.at("/requests/ok").asLong());
      assertThat(row.get("ko").asLong()).isEqualTo(summary.at("/requests/ko").asLong());
      assertThat(row.get("peakPerSecond").asLong()).isEqualTo(summary.at("/requests/peakPerSecond").asLong());
      assertThat(row.get("latencyP99Millis").asDouble()).isEqualTo(summary.at("/okLatencyMillis/p99").asDouble());
      assertThat(row.get("peakPortsInUseTowardTarget").asInt()).isEqualTo(summary.at("/ports/peaks/portsInUseTowardTarget").asInt());
      assertThat(row.get("peakTimeWaitTowardTarget").asInt()).isEqualTo(summary.at("/ports/peaks/timeWaitTowardTarget").asInt());
      assertThat(row.get("verdict").asText()).isEqualTo(summary.at("/verdict/line").asText());
      assertThat(results.resolve("comparison").resolve(row.get("gatlingReport").asText())).exists();
    }
  }

  @Test
  void regeneratingFromTheSameFoldersGivesTheSameJson() throws Exception {
    byte[] first = Files.readAllBytes(results.resolve("comparison/comparison.json"));

    ComparisonWriter.write(ComparisonWriter.latestRunPerSimulation(results), results);

    assertThat(Files.readAllBytes(results.resolve("comparison/comparison.json"))).isEqualTo(first);
    try (Stream<Path> left = Files.list(results)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".partial") || name.endsWith(".old"));
    }
  }

  @Test
  void earlierComparisonsShowAsATrend(@TempDir Path history) throws Exception {
    Files.copy(results.resolve("comparison/comparison.json"), history.resolve("2026-11-23.json"));
    Files.copy(results.resolve("comparison/comparison.json"), history.resolve("2026-11-24.json"));

    ComparisonWriter.write(ComparisonWriter.latestRunPerSimulation(results), results, java.util.Optional.of(history));

    List<String> trend = Files.readAllLines(results.resolve("comparison/comparison.md")).stream()
        .dropWhile(line -> !line.equals("## Last nights")).filter(line -> line.startsWith("| 2026") || line.startsWith("| this run"))
        .toList();
    assertThat(trend).hasSize(3);
    assertThat(trend.get(0)).startsWith("| 2026-11-23 |").contains("no onset", "/s, INFO");
    assertThat(Files.readString(results.resolve("comparison/index.html"))).contains("<h2>Last nights</h2>");
  }

  @Test
  void theComparisonPageDrawsEveryChartInAHeadlessBrowser() throws Exception {
    ComparisonPageCheck.Result page = ComparisonPageCheck.open(results.resolve("comparison/index.html"),
        Path.of("target/comparison-screenshot.png"));

    assertThat(page.consoleMessages()).as("console output of the page").isEmpty();
    assertThat(page.pointsPerChart()).containsOnlyKeys("chart-ports", "chart-rates", "chart-latency");
    assertThat(page.pointsPerChart().values()).allMatch(points -> points > 0);
    assertThat(page.canvases()).isEqualTo(3);
    assertThat(Path.of("target/comparison-screenshot.png")).isNotEmptyFile();
  }

  private static Path onlyRunFolder(String simulation) throws Exception {
    try (Stream<Path> folders = Files.list(results)) {
      List<Path> runs = folders.filter(p -> p.getFileName().toString().startsWith(simulation.toLowerCase() + "-")).toList();
      assertThat(runs).hasSize(1);
      return runs.get(0);
    }
  }

  private static long globalOkCount(Path indexHtml) throws Exception {
    Matcher m = GLOBAL_OK.matcher(Files.readString(indexHtml));
    assertThat(m.find()).as("Gatling's statistics table in " + indexHtml).isTrue();
    return Long.parseLong(m.group(1));
  }
}
