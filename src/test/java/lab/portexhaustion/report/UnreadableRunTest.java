package lab.portexhaustion.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import lab.portexhaustion.process.ProcessExit;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose record is not whole (hand-edited, cut short, another version's) is refused by {@code scripts/compare}
 * before it writes, naming the file and the field, where the comparison threw while it drew the page; finding the runs
 * of a batch passes over it.
 */
class UnreadableRunTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path results;

  @Test
  void anEmptyOrMissingStrategyIsRefusedNamingTheFileAndTheField() throws Exception {
    Path empty = run("clientperrequestsimulation-1", summary -> summary.put("strategy", ""));
    Path missing = run("clientperrequestsimulation-2", summary -> summary.remove("strategy"));

    assertThat(refusal(empty)).startsWith("compare: " + empty.resolve("harness/summary.json")
        + " cannot be read as a run's record: its field 'strategy' is empty. ").endsWith("Nothing was written.");
    assertThat(refusal(missing)).contains("its field 'strategy' is missing.");
    assertThat(results.resolve("comparison")).doesNotExist();
  }

  @Test
  void aMissingPartAWrongTypeOrACutFileIsRefusedAlike() throws Exception {
    Path noRequests = run("pooledsimulation-1", summary -> summary.remove("requests"));
    Path nestedMissing = run("pooledsimulation-2", summary -> ((ObjectNode) summary.get("ports")).remove("peaks"));
    Path wrongType = run("pooledsimulation-3", summary -> ((ObjectNode) summary.get("requests")).put("started", "many"));
    Path cut = run("pooledsimulation-4", summary -> {});
    String whole = Files.readString(cut.resolve("harness/summary.json"));
    Files.writeString(cut.resolve("harness/summary.json"), whole.substring(0, whole.length() / 2));

    assertThat(refusal(noRequests)).contains("its field 'requests' is missing.");
    assertThat(refusal(wrongType)).contains("its field 'requests.started' is not a number (\"many\").");
    assertThat(refusal(cut)).contains("summary.json cannot be read as a run's record: it is not whole JSON (");
    assertThat(refusal(nestedMissing)).contains("its field 'ports.peaks' is missing.");
  }

  /**
   * A count every run has written since the first (requests, latencies, the sampler's peaks) is refused when missing,
   * where Jackson read it as 0 and the comparison showed that 0 as measured.
   */
  @Test
  void aMissingCountEveryRunWritesIsRefusedNamingIt() throws Exception {
    Path noPeak = run("pooledsimulation-1", summary -> ((ObjectNode) summary.get("requests")).remove("peakPerSecond"));
    Path noTimeWait = run("pooledsimulation-2", summary -> ((ObjectNode) summary.at("/ports/peaks")).remove("timeWaitTowardTarget"));
    Path nullP99 = run("pooledsimulation-3", summary -> ((ObjectNode) summary.get("okLatencyMillis")).putNull("p99"));

    assertThat(refusal(noPeak)).startsWith("compare: " + noPeak.resolve("harness/summary.json")
        + " cannot be read as a run's record: its field 'requests.peakPerSecond' is missing. ").endsWith("Nothing was written.");
    assertThat(refusal(noTimeWait)).contains("its field 'ports.peaks.timeWaitTowardTarget' is missing.");
    assertThat(refusal(nullP99)).contains("its field 'okLatencyMillis.p99' is missing.");
    assertThat(results.resolve("comparison")).doesNotExist();
  }

  /** Jackson took a count written as text, cut a fraction and kept a negative count; each is refused, naming the field. */
  @Test
  void aCountThatIsTextAFractionOrNegativeIsRefusedNamingIt() throws Exception {
    Path text = run("pooledsimulation-1", summary -> ((ObjectNode) summary.get("requests")).put("ko", "12"));
    Path fraction = run("pooledsimulation-2", summary -> ((ObjectNode) summary.get("requests")).put("ok", 2.5));
    Path negative = run("pooledsimulation-3", summary -> ((ObjectNode) summary.at("/ports/peaks")).put("portsInUseTowardTarget", -3));
    Path optionalFraction = run("pooledsimulation-4", summary -> ((ObjectNode) summary.get("requests")).put("notBuilt", 0.5));
    Path listed = run("pooledsimulation-5", summary -> ((ObjectNode) summary.get("errors").get(0)).put("count", -1));
    Path notANumber = run("pooledsimulation-6", summary -> ((ObjectNode) summary.get("requests")).put("koPercent", "high"));

    assertThat(refusal(text)).contains("its field 'requests.ko' is not a number (\"12\").");
    assertThat(refusal(fraction)).contains("its field 'requests.ok' is a fraction (2.5) where a count is expected.");
    assertThat(refusal(negative)).contains("its field 'ports.peaks.portsInUseTowardTarget' is a negative count (-3).");
    assertThat(refusal(optionalFraction)).contains("its field 'requests.notBuilt' is a fraction (0.5) where a count is expected.");
    assertThat(refusal(listed)).contains("its field 'errors.0.count' is a negative count (-1).");
    assertThat(refusal(notANumber)).contains("its field 'requests.koPercent' is not a number (\"high\").");
  }

  @Test
  void theRunsOfABatchAreFoundPastARunThatCannotBeRead() throws Exception {
    Path whole = run("clientperrequestsimulation-1", summary -> summary.put("batch", "b2"));
    run("clientperrequestsimulation-2", summary -> summary.put("batch", "b1").remove("strategy"));

    assertThat(ComparisonWriter.runsOfBatch(results, "b2")).containsExactly(whole);
  }

  private String refusal(Path run) {
    RunFileReader.UnreadableRun refused = catchThrowableOfType(
        () -> CompareCommand.run(CompareCommand.Options.parse(new String[] {run.toString()}, results), results),
        RunFileReader.UnreadableRun.class);
    assertThat(refused.code()).isEqualTo(ProcessExit.Code.COMPARE_USAGE);
    return refused.getMessage();
  }

  /** The fixture run, its summary changed by {@code edit}. */
  private Path run(String name, Consumer<ObjectNode> edit) throws Exception {
    Path folder = results.resolve(name);
    PathUtils.copyDirectory(Path.of(getClass().getResource("/fixtures/run/clientperrequestsimulation").toURI()), folder);
    Path summaryFile = folder.resolve("harness/summary.json");
    ObjectNode summary = (ObjectNode) JSON.readTree(summaryFile.toFile());
    edit.accept(summary);
    JSON.writeValue(summaryFile.toFile(), summary);
    return folder;
  }
}
