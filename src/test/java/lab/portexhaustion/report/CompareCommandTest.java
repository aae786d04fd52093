package lab.portexhaustion.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.verdict.FleetVerdict;
import lab.portexhaustion.verdict.Verdict;
import org.apache.commons.io.file.PathUtils;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/compare}'s command line, read and refused in this JVM: options as a record; arguments it cannot use
 * come back as a usage failure (the problem, then the usage paragraph, and the code the command exits with).
 */
class CompareCommandTest {

  @TempDir
  Path results;

  @Test
  void readsTheOptionsOfAMerge() throws IOException {
    Path first = run("client-0/pooledsimulation-1");
    Path second = run("client-1/pooledsimulation-2");
    Path out = results.resolve("fleet-merged");

    CompareCommand.Options options = CompareCommand.Options.parse(
        new String[] {"--merge", "--out", out.toString(), first.toString(), second.toString()}, results);

    assertThat(options).isEqualTo(new CompareCommand.Options(true, out, Optional.empty(), List.of(first, second)));
  }

  @Test
  void withoutArgumentsComparesTheNewestRunsAndMergesIntoResultsMerged() {
    CompareCommand.Options options = CompareCommand.Options.parse(new String[0], results);

    assertThat(options).isEqualTo(new CompareCommand.Options(false, results.resolve("merged"), Optional.empty(), List.of()));
  }

  @Test
  void anOptionWithoutItsFolderIsAUsageFailure() {
    assertUsageFailure(() -> CompareCommand.Options.parse(new String[] {"--merge", "--out"}, results),
        "compare: --out needs the folder to write the merge to.");
    assertUsageFailure(() -> CompareCommand.Options.parse(new String[] {"--history"}, results),
        "compare: --history needs a folder of earlier comparison.json files (named <night>.json).");
    assertUsageFailure(() -> CompareCommand.Options.parse(new String[] {"--history", results.resolve("none").toString()}, results),
        "compare: --history '" + results.resolve("none") + "' is no folder (it does not exist): give the folder of earlier"
            + " comparison.json files (named <night>.json), an empty one for the first night.");
  }

  @Test
  void aFolderThatIsNotAFinishedRunIsAUsageFailure() throws IOException {
    Path unfinished = Files.createDirectories(results.resolve("pooledsimulation-3/harness"));

    assertUsageFailure(() -> CompareCommand.Options.parse(new String[] {unfinished.getParent().toString()}, results),
        "compare: '" + unfinished.getParent() + "' is not a finished run folder (it has no harness/summary.json).");
  }

  @Test
  void aMergeWithoutRunsTheSameRunTwiceOrARunWithoutItsLatencyLogIsRefusedBeforeWriting() throws IOException {
    Path run = run("pooledsimulation-4");
    Path out = results.resolve("merged");

    assertUsageFailure(() -> CompareCommand.run(CompareCommand.Options.parse(new String[] {"--merge"}, results), results),
        "compare: --merge needs the run folders to merge");
    assertUsageFailure(() -> CompareCommand.run(
            CompareCommand.Options.parse(new String[] {"--merge", run.toString(), run.resolve("../pooledsimulation-4").toString()}, results),
            results),
        "compare: --merge was given the same run folder twice");
    assertUsageFailure(() -> CompareCommand.run(CompareCommand.Options.parse(new String[] {"--merge", run.toString()}, results), results),
        "compare: '" + run + "' has no harness/requests.hlog");
    assertThat(out).doesNotExist();
  }

  /** A merge replaces its folder whole: into a file, a folder of other things or one holding a run, it is refused. */
  @Test
  void aMergeWritesOnlyWhereItReplacesNothingButAnEarlierMerge() throws IOException {
    Path run = runWithLatencyLog("pooledsimulation-5");
    Path file = Files.writeString(results.resolve("notes.txt"), "mine");
    Path folder = Files.createDirectories(results.resolve("kept"));
    Files.writeString(folder.resolve("important.txt"), "mine");

    assertUsageFailure(() -> merge(file, run), "compare: --out '" + file + "' is a file; a merge replaces its folder whole");
    assertUsageFailure(() -> merge(folder, run), "compare: --out '" + folder + "' holds what no merge writes (important.txt)");
    assertUsageFailure(() -> merge(results, run), "compare: --out '" + results + "' holds the run '" + run + "' being merged");
    assertThat(file).hasContent("mine");
    assertThat(folder.resolve("important.txt")).hasContent("mine");
    assertThat(run.resolve("harness/summary.json")).exists();
  }

  @Test
  void theSameRunTwiceIsRefusedBeforeAnyComparisonIsWritten() throws IOException {
    Path run = run("pooledsimulation-6");

    assertUsageFailure(() -> CompareCommand.run(
            CompareCommand.Options.parse(new String[] {run.toString(), run.resolve("../pooledsimulation-6").toString()}, results), results),
        "compare: the same run folder was given twice");
    assertThat(results.resolve("comparison")).doesNotExist();
    assertThat(results.resolve("comparison.partial")).doesNotExist();
  }

  /** A merge ends by its fleet verdict: 1 when it failed, 6 when a client's evidence made it inconclusive. */
  @Test
  void aMergeEndsByItsFleetVerdict() {
    assertThat(CompareCommand.ending(Optional.empty())).isEqualTo(ProcessExit.Code.DONE);
    assertThat(CompareCommand.ending(Optional.of(new FleetVerdict(true, Verdict.Status.PASS, "FLEET VERDICT PASS X"))))
        .isEqualTo(ProcessExit.Code.DONE);
    assertThat(CompareCommand.ending(Optional.of(new FleetVerdict(false, Verdict.Status.FAIL, "FLEET VERDICT FAIL X"))))
        .isEqualTo(ProcessExit.Code.COMPARE_FAILED);
    assertThat(CompareCommand.ending(Optional.of(new FleetVerdict(false, Verdict.Status.INCONCLUSIVE, "FLEET VERDICT INCONCLUSIVE X"))))
        .extracting(ProcessExit.Code::status).isEqualTo(6);
  }

  @Test
  void nothingToCompareIsAUsageFailure() {
    assertUsageFailure(() -> CompareCommand.run(CompareCommand.Options.parse(new String[0], results), results),
        "compare: no finished runs under " + results.toAbsolutePath());
  }

  private static void assertUsageFailure(ThrowingCallable call, String problem) {
    assertThatThrownBy(call).isInstanceOfSatisfying(CompareCommand.UsageException.class, failure -> {
      assertThat(failure.code()).isEqualTo(ProcessExit.Code.COMPARE_USAGE);
      assertThat(failure.getMessage()).startsWith(problem).endsWith(CompareCommand.USAGE);
    });
  }

  private ProcessExit.Code merge(Path out, Path run) throws IOException {
    return CompareCommand.run(CompareCommand.Options.parse(new String[] {"--merge", "--out", out.toString(), run.toString()}, results),
        results);
  }

  /** A run as {@link #run}, with a latency log: enough to reach the merge's own checks. */
  private Path runWithLatencyLog(String name) throws IOException {
    Path folder = run(name);
    Files.writeString(folder.resolve("harness/requests.hlog"), "");
    return folder;
  }

  /** A folder that looks finished to the command: its summary exists (its content is read only by the writers). */
  /** The default comparison says which newer run it could not take, before it compares the one it could. */
  @Test
  void theDefaultComparisonNamesANewerRunThatHasNoSummary() throws Exception {
    Path finished = results.resolve("clientperrequestsimulation-20261201204451435");
    PathUtils.copyDirectory(Path.of(getClass().getResource("/fixtures/run/clientperrequestsimulation").toURI()), finished);
    Path interrupted = Files.createDirectories(results.resolve("clientperrequestsimulation-20261202060000000/harness")).getParent();
    Files.writeString(interrupted.resolve("harness/conditions.json"), "{}");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream standardOut = System.out;

    ProcessExit.Code code;
    System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
    try {
      code = CompareCommand.run(CompareCommand.Options.parse(new String[0], results), results);
    } finally {
      System.setOut(standardOut);
    }

    assertThat(code).isEqualTo(ProcessExit.Code.DONE);
    assertThat(console.toString(StandardCharsets.UTF_8).lines().toList()).startsWith(
        "compare: " + interrupted + " has no summary (harness/conditions.json but no summary.json: interrupted, crashed, ended"
            + " by the watchdog, its summary not written, or still running), so an older run, " + finished
            + ", is compared in its place.",
        "compared 1 run: [" + finished + "]");
  }

  private Path run(String name) throws IOException {
    Path folder = Files.createDirectories(results.resolve(name).resolve("harness"));
    Files.writeString(folder.resolve("summary.json"), "{}");
    return folder.getParent();
  }
}
