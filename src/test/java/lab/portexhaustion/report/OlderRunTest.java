package lab.portexhaustion.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import lab.portexhaustion.process.ProcessExit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run written before the harness counted its requests not built (summary.json's {@code requests.notBuilt}, added on
 * 2 December 2026) is still compared and merged, and the comparison says that count was not recorded: it read the
 * missing count as 0 and would have shown it as measured. The fixture run is such a run, written on 1 December 2026
 * by the writer of then, whose {@code requests} had no {@code notBuilt}.
 */
class OlderRunTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path results;

  @Test
  void anOlderRunIsComparedWithTheCountItLacksShownAsNotRecorded() throws Exception {
    Path older = run("clientperrequestsimulation-1", summary -> {});
    assertThat(JSON.readTree(older.resolve("harness/summary.json").toFile()).at("/requests").has("notBuilt"))
        .as("the fixture is a run written before requests not built were counted").isFalse();

    CompareCommand.run(CompareCommand.Options.parse(new String[] {older.toString()}, results), results);

    assertThat(results.resolve("comparison/comparison.md")).content().contains("| KO not built (nothing sent) | not recorded |");
  }

  @Test
  void aRunThatCountedItsRequestsNotBuiltShowsItsCountEvenZero() throws Exception {
    Path none = run("clientperrequestsimulation-1", summary -> ((ObjectNode) summary.get("requests")).put("notBuilt", 0));
    Path some = run("clientperrequestsimulation-2", summary -> ((ObjectNode) summary.get("requests")).put("notBuilt", 1234));

    CompareCommand.run(CompareCommand.Options.parse(new String[] {none.toString(), some.toString()}, results), results);

    assertThat(results.resolve("comparison/comparison.md")).content().contains("| KO not built (nothing sent) | 0 | 1,234 |");
  }

  @Test
  void anOlderRunIsMergedAndReadWithoutTheCount() throws Exception {
    Path first = withLatencyLog(run("client-0/clientperrequestsimulation-1", summary -> {}));
    Path second = withLatencyLog(run("client-1/clientperrequestsimulation-1", summary -> {}));

    MergeWriter.write(List.of(first, second), results.resolve("merged"));

    assertThat(results.resolve("merged/merged.md")).content().contains("| **all 2** |");
    assertThat(RunResults.loadWithoutSamples(first).summary().requests().notBuilt()).isEmpty();
  }

  @Test
  void aMergeRefusesARunLackingACountEveryRunWrites() throws Exception {
    Path whole = withLatencyLog(run("client-0/clientperrequestsimulation-1", summary -> {}));
    Path cut = withLatencyLog(run("client-1/clientperrequestsimulation-1",
        summary -> ((ObjectNode) summary.get("requests")).remove("started")));

    RunFileReader.UnreadableRun refused = catchThrowableOfType(() -> MergeWriter.write(List.of(whole, cut), results.resolve("merged")),
        RunFileReader.UnreadableRun.class);

    assertThat(refused.code()).isEqualTo(ProcessExit.Code.COMPARE_USAGE);
    assertThat(refused.getMessage()).contains(cut.resolve("harness/summary.json") + " cannot be read as a run's record: its field"
        + " 'requests.started' is missing.");
    assertThat(results.resolve("merged")).doesNotExist();
  }

  /** A merge reads each run's latencies from its requests.hlog, which the fixture lacks: one interval of 5 requests. */
  private static Path withLatencyLog(Path run) throws Exception {
    try (PrintStream out = new PrintStream(Files.newOutputStream(run.resolve("harness/requests.hlog")), false, StandardCharsets.UTF_8)) {
      HistogramLogWriter log = new HistogramLogWriter(out);
      log.outputLogFormatVersion();
      log.outputLegend();
      Histogram interval = new Histogram(3);
      interval.recordValueWithCount(20_000, 5);
      log.outputIntervalHistogram(0, 1, interval, 1_000.0);
    }
    return run;
  }

  /** The fixture run, its summary changed by {@code edit}. */
  private Path run(String name, Consumer<ObjectNode> edit) throws Exception {
    Path folder = results.resolve(name);
    Files.createDirectories(folder.getParent());
    PathUtils.copyDirectory(Path.of(getClass().getResource("/fixtures/run/clientperrequestsimulation").toURI()), folder);
    Path summaryFile = folder.resolve("harness/summary.json");
    ObjectNode summary = (ObjectNode) JSON.readTree(summaryFile.toFile());
    edit.accept(summary);
    JSON.writeValue(summaryFile.toFile(), summary);
    return folder;
  }
}
