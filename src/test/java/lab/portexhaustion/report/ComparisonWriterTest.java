package lab.portexhaustion.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path results;

  private Path run(String folder, String batchJson) throws Exception {
    Path harness = Files.createDirectories(results.resolve(folder).resolve("harness"));
    Files.writeString(harness.resolve("summary.json"), "{\"simulation\": \"" + folder + "\", \"batch\": " + batchJson + "}");
    Files.writeString(harness.resolve("conditions.json"), "{\"rangeSize\": 1000}");
    Files.writeString(harness.resolve("ports.csv"), "elapsedMillis,tier\n");
    return results.resolve(folder);
  }

  @Test
  void theRunsOfABatchAreThoseItsSummariesName() throws Exception {
    Path first = run("pooledsimulation-1", "\"20261201-191336\"");
    Path second = run("rawsocketsimulation-2", "\"20261201-191336\"");
    run("pooledsimulation-0", "\"20261130-080000\"");
    run("ownsimulation-3", "null");

    assertThat(ComparisonWriter.runsOfBatch(results, "20261201-191336")).containsExactly(first, second);
  }

  @Test
  void twoRunsOfOneScenarioAreComparedUnderTwoNames() throws Exception {
    Path before = copyOfRecordedRun("clientperrequestsimulation-20261201204451435");
    Path after = copyOfRecordedRun("clientperrequestsimulation-20261201205619588");
    String secondStart = "2026-12-01T20:56:19.600000000Z";
    Path summary = after.resolve("harness/summary.json");
    Files.writeString(summary, Files.readString(summary).replace("2026-12-01T20:44:51.133899119Z", secondStart));

    Path written = ComparisonWriter.write(List.of(before, after), results).get(0);

    assertThat(written.resolve("comparison.png")).isNotEmptyFile();
    assertThat(Files.readString(written.resolve("comparison.md")))
        .startsWith("# Port Exhaustion Lab: Unpooled connections\n") // no pooled run to set them against
        .contains("client-per-request (20:44:51)", "client-per-request (20:56:19)");
  }

  /**
   * A run whose Gatling report was never written (its JVM interrupted while Gatling wrote it, after the harness's files):
   * scripts/compare, which runs later, says so where the link would be, instead of a link to a page that is not there.
   */
  @Test
  void aRunWithoutItsGatlingReportIsSaidSoInsteadOfLinked() throws Exception {
    Path reported = copyOfRecordedRun("clientperrequestsimulation-20261201204451435");
    Files.writeString(reported.resolve("index.html"), "<html></html>");
    Path interrupted = secondRunOfTheRecordedScenario();

    Path written = ComparisonWriter.write(List.of(reported, interrupted), results, Optional.empty()).get(0);

    assertThat(Files.readString(written.resolve("index.html")))
        .contains("href=\"../clientperrequestsimulation-20261201204451435/index.html\"")
        .doesNotContain("href=\"../clientperrequestsimulation-20261201205619588/index.html\"")
        .contains("clientperrequestsimulation-20261201205619588 (no Gatling report: no index.html in its folder");
    assertThat(JSON.readTree(written.resolve("comparison.json").toFile()).at("/table/1/gatlingReport").isNull()).isTrue();
  }

  /** The comparison a run writes as it ends comes before Gatling writes that run's report: linked, as it is to come. */
  @Test
  void theRunWritingTheComparisonLinksTheReportGatlingWritesAfterIt() throws Exception {
    Path ending = secondRunOfTheRecordedScenario();

    Path written = ComparisonWriter.writeBeforeReport(List.of(ending), results, ending).get(0);

    assertThat(Files.readString(written.resolve("index.html")))
        .contains("href=\"../clientperrequestsimulation-20261201205619588/index.html\"").doesNotContain("no Gatling report");
  }

  private Path secondRunOfTheRecordedScenario() throws Exception {
    Path after = copyOfRecordedRun("clientperrequestsimulation-20261201205619588");
    Path summary = after.resolve("harness/summary.json");
    Files.writeString(summary, Files.readString(summary).replace("2026-12-01T20:44:51.133899119Z", "2026-12-01T20:56:19.600000000Z"));
    return after;
  }

  /** Each run's embedded server is a process of its own: its process id does not make the runs' conditions differ. */
  @Test
  void runsWhoseEmbeddedServersDifferOnlyByProcessShareOneLineOfConditions() throws Exception {
    Path before = copyOfRecordedRun("clientperrequestsimulation-20261201204451435");
    Path after = withFigures(copyOfRecordedRun("orderssimulation-20261201205619588"), "OrdersSimulation", "2026-12-01T20:56:19Z",
        11.2, 20.0);
    Path conditions = after.resolve("harness/conditions.json");
    Files.writeString(conditions, Files.readString(conditions).replace("(process 27496, ", "(process 31337, "));

    String md = Files.readString(ComparisonWriter.write(List.of(before, after), results).get(0).resolve("comparison.md"));

    assertThat(md).contains("embedded target (mongo-java-server 1.47.0 (streaming monitoring, fails as mongod:")
        .doesNotContain("process 27496", "process 31337", "- ClientPerRequestSimulation:");
  }

  @Test
  void aHistoryFileThatDoesNotReadIsRefusedNamingItWithNothingWritten() throws Exception {
    Path run = copyOfRecordedRun("clientperrequestsimulation-20261201204451435");
    Path history = Files.createDirectories(results.resolve("history"));
    Path broken = Files.writeString(history.resolve("2026-12-01.json"), "{not json");

    assertThatThrownBy(() -> ComparisonWriter.write(List.of(run), results, Optional.of(history)))
        .isInstanceOf(CompareCommand.UsageException.class)
        .hasMessageStartingWith("compare: --history: '" + broken + "' is not a comparison.json this version reads (")
        .hasMessageContaining("nothing was written");
    assertThat(results.resolve("comparison")).doesNotExist();
    assertThat(results.resolve("comparison.partial")).doesNotExist();
  }

  /**
   * A history file whose row lacks its throughput, or gives it as text, read as 0 or as that number and showed in the
   * trend as measured: refused, naming the file and the field, nothing written.
   */
  @Test
  void aHistoryFileWithoutAFigureTheTrendShowsIsRefusedNamingTheField() throws Exception {
    Path run = copyOfRecordedRun("clientperrequestsimulation-20261201204451435");
    Path earlier = ComparisonWriter.write(List.of(run), results).get(0).resolve("comparison.json");
    Path history = Files.createDirectories(results.resolve("history"));
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(earlier.toFile());
    ObjectNode row = (ObjectNode) json.get("table").get(0);
    Path night = history.resolve("2026-12-03.json");

    row.remove("meanPerSecond");
    Files.writeString(night, json.toString());
    assertThatThrownBy(() -> ComparisonWriter.write(List.of(run), results, Optional.of(history)))
        .isInstanceOf(CompareCommand.UsageException.class)
        .hasMessageStartingWith("compare: --history: '" + night + "' is not a comparison.json this version reads (its field"
            + " 'table.0.meanPerSecond' is missing).");
    row.put("meanPerSecond", "41.5");
    Files.writeString(night, json.toString());
    assertThatThrownBy(() -> ComparisonWriter.write(List.of(run), results, Optional.of(history)))
        .hasMessageContaining("(its field 'table.0.meanPerSecond' is not a number (\"41.5\"))");
    row.put("meanPerSecond", 41.5);
    Files.writeString(night, json.toString());
    assertThat(ComparisonWriter.write(List.of(run), results, Optional.of(history))).as("the figure back").hasSize(1);
  }

  /** Any JSON object reads as a comparison with nothing in it: a run's summary.json copied into the folder by mistake. */
  @Test
  void aHistoryFileThatIsJsonButNoComparisonIsRefusedNamingIt() throws Exception {
    Path run = copyOfRecordedRun("clientperrequestsimulation-20261201204451435");
    Path history = Files.createDirectories(results.resolve("history"));
    Path summary = Files.copy(run.resolve("harness/summary.json"), history.resolve("2026-12-02.json"));

    assertThatThrownBy(() -> ComparisonWriter.write(List.of(run), results, Optional.of(history)))
        .isInstanceOf(CompareCommand.UsageException.class)
        .hasMessageStartingWith("compare: --history: '" + summary + "' is not a comparison.json this version reads (it has no"
            + " 'table').");
    Files.writeString(summary, "{\"table\": [{\"meanPerSecond\": 1}]}");
    assertThatThrownBy(() -> ComparisonWriter.write(List.of(run), results, Optional.of(history)))
        .hasMessageContaining("(a row of its 'table' has no 'simulation' or 'verdict')");
    assertThat(results.resolve("comparison")).doesNotExist();
  }

  /**
   * A user's workload beside the built-in simulation of its strategy, night after night: the columns are named by
   * simulation and the nights are matched by it, so every night has both, each its own figures (by start time, none
   * would match).
   */
  @Test
  void theNightsOfTwoSimulationsOfOneScenarioLineUpByTheirSimulations() throws Exception {
    Path builtIn = copyOfRecordedRun("clientperrequestsimulation-20261201204451435");
    Path own = withFigures(copyOfRecordedRun("orderssimulation-20261201205619588"), "OrdersSimulation", "2026-11-30T20:50:00Z", 14.5, 30.25);
    Path history = Files.createDirectories(results.resolve("history"));
    Files.copy(ComparisonWriter.write(List.of(builtIn, own), results).get(0).resolve("comparison.json"),
        history.resolve("2026-11-30.json"));
    withFigures(own, "OrdersSimulation", "2026-12-01T20:56:19Z", 15.5, 31.25);

    List<String> nights = lastNights(ComparisonWriter.write(List.of(builtIn, own), results, Optional.of(history)).get(0));

    assertThat(nights).containsExactly(
        "| night | client-per-request (ClientPerRequestSimulation) | client-per-request (OrdersSimulation) |",
        "|---|---|---|",
        "| 2026-11-30 | onset 11.3 s, 41.5/s, PASS | onset 14.5 s, 30.3/s, PASS |",
        "| this run | onset 11.3 s, 41.5/s, PASS | onset 15.5 s, 31.3/s, PASS |");
  }

  /**
   * One simulation run twice (before and after a change): each column is its own run's, matched by the column's name
   * (its start time); a night whose runs started at other times has none to match, and says so with '-'.
   */
  @Test
  void twoRunsOfOneSimulationEachKeepTheirOwnFiguresInTheTrend() throws Exception {
    Path before = copyOfRecordedRun("clientperrequestsimulation-20261201204451435");
    Path after = withFigures(copyOfRecordedRun("clientperrequestsimulation-20261201205619588"), "ClientPerRequestSimulation",
        "2026-12-01T20:56:19Z", 77.7, 12.5);
    Path history = Files.createDirectories(results.resolve("history"));
    Files.copy(ComparisonWriter.write(List.of(before, after), results).get(0).resolve("comparison.json"),
        history.resolve("2026-12-01.json"));
    Path otherNight = withFigures(copyOfRecordedRun("clientperrequestsimulation-20261130204451435"), "ClientPerRequestSimulation",
        "2026-11-30T21:00:00Z", 9.9, 9.5);
    Files.copy(ComparisonWriter.write(List.of(otherNight, after), results).get(0).resolve("comparison.json"),
        history.resolve("2026-11-30.json"));

    List<String> nights = lastNights(ComparisonWriter.write(List.of(before, after), results, Optional.of(history)).get(0));

    assertThat(nights).containsExactly(
        "| night | client-per-request (20:44:51) | client-per-request (20:56:19) |",
        "|---|---|---|",
        "| 2026-11-30 | - | onset 77.7 s, 12.5/s, PASS |",
        "| 2026-12-01 | onset 11.3 s, 41.5/s, PASS | onset 77.7 s, 12.5/s, PASS |",
        "| this run | onset 11.3 s, 41.5/s, PASS | onset 77.7 s, 12.5/s, PASS |");
  }

  private static List<String> lastNights(Path comparison) throws IOException {
    return Files.readAllLines(comparison.resolve("comparison.md")).stream()
        .dropWhile(line -> !line.equals("## Last nights")).filter(line -> line.startsWith("|")).toList();
  }

  /** The recorded run as another run: its simulation, start, onset and mean rate. */
  private static Path withFigures(Path run, String simulation, String startedAt, double onsetSeconds, double meanPerSecond)
      throws IOException {
    Path summary = run.resolve("harness/summary.json");
    ObjectNode json = (ObjectNode) JSON.readTree(summary.toFile());
    json.put("simulation", simulation).put("startedAt", startedAt);
    ((ObjectNode) json.get("onset")).put("elapsedSeconds", onsetSeconds);
    ((ObjectNode) json.get("requests")).put("meanPerSecond", meanPerSecond);
    JSON.writeValue(summary.toFile(), json);
    return run;
  }

  /** A run recorded by the harness (a clean-clone CI run of 2026-12-01, its samples cut to three). */
  private Path copyOfRecordedRun(String folder) throws IOException, URISyntaxException {
    Path recorded = Path.of(getClass().getResource("/fixtures/run/clientperrequestsimulation").toURI());
    PathUtils.copyDirectory(recorded, results.resolve(folder));
    return results.resolve(folder);
  }
}
