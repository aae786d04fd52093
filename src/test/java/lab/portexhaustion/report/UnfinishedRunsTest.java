package lab.portexhaustion.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runs a default comparison could not take, named beside what it compares instead. */
class UnfinishedRunsTest {

  @TempDir
  Path results;

  @Test
  void aNewerRunThatDidNotFinishIsNamedWithTheOlderRunComparedInItsPlace() throws IOException {
    Path finished = finished("pooledsimulation-20261203220000000");
    Path interrupted = unfinished("pooledsimulation-20261204060000000");
    Path earlierInterrupted = unfinished("pooledsimulation-20261204050000000");

    List<String> notes = UnfinishedRuns.notes(results, ComparisonWriter.latestRunPerSimulation(results));

    assertThat(notes).containsExactly("compare: " + interrupted + " has no summary (harness/conditions.json but no"
        + " summary.json: interrupted, crashed, ended by the watchdog, its summary not written, or still running), so an older run, " + finished
        + ", is compared in its place.");
    assertThat(notes.get(0)).doesNotContain(earlierInterrupted.getFileName().toString());
  }

  @Test
  void aSimulationWithNoFinishedRunIsSaidToBeLeftOut() throws IOException {
    finished("pooledsimulation-20261203220000000");
    Path interrupted = unfinished("rawsocketsimulation-20261204060000000");

    assertThat(UnfinishedRuns.notes(results, ComparisonWriter.latestRunPerSimulation(results))).containsExactly(
        "compare: " + interrupted + " has no summary (harness/conditions.json but no summary.json: interrupted, crashed,"
            + " ended by the watchdog, its summary not written, or still running), so its simulation is left out of the"
            + " comparison: it has no finished run.");
  }

  @Test
  void anUnfinishedRunOlderThanTheComparedOneAndAFolderTheHarnessNeverWroteToAreNotNamed() throws IOException {
    unfinished("pooledsimulation-20261203210000000");
    finished("pooledsimulation-20261203220000000");
    Files.createDirectories(results.resolve("plaingatlingsimulation-20261204060000000"));
    Files.createFile(results.resolve("plaingatlingsimulation-20261204060000000/simulation.log"));

    assertThat(UnfinishedRuns.notes(results, ComparisonWriter.latestRunPerSimulation(results))).isEmpty();
  }

  @Test
  void noResultsFolderHasNothingToName() throws IOException {
    assertThat(UnfinishedRuns.notes(results.resolve("none"), List.of())).isEmpty();
  }

  private Path finished(String name) throws IOException {
    Path folder = unfinished(name);
    Files.writeString(folder.resolve("harness/summary.json"), "{}");
    return folder;
  }

  /** What a run leaves when it ends before its summary: Gatling's folder, the conditions written at the start. */
  private Path unfinished(String name) throws IOException {
    Path harness = Files.createDirectories(results.resolve(name).resolve("harness"));
    Files.writeString(harness.resolve("conditions.json"), "{}");
    Files.writeString(harness.resolve("ports.csv"), "elapsedMillis\n");
    return harness.getParent();
  }
}
