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
    assertThat(refusal(wrongType)).contains("its field 'requests.started' is not long.");
    assertThat(refusal(cut)).contains("summary.json cannot be read as a run's record: it is not whole JSON (");
    assertThat(refusal(nestedMissing)).contains("its field 'ports.peaks' is missing.");
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
