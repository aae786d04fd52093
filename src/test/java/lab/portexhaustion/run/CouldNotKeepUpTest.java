package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.verdict.EvidenceProblem;
import lab.portexhaustion.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** The end-to-end tests' way out of a run this machine could not keep up with, and only of that. */
class CouldNotKeepUpTest {

  private static final EvidenceProblem SLOW = new EvidenceProblem(EvidenceProblem.Kind.COULD_NOT_KEEP_UP,
      "this machine could not keep up (OK latency 2.1 s at 9.0 s while the CPU was 98 % busy)");
  private static final EvidenceProblem NOT_WRITTEN = new EvidenceProblem(EvidenceProblem.Kind.FILES_INCOMPLETE,
      "could not write ports.csv in /r/run/harness: No space left on device (ENOSPC)");
  private static final EvidenceProblem LOST = new EvidenceProblem(EvidenceProblem.Kind.TARGET_LOST,
      "the target process died at 10.2 s (signal 9)");
  private static final GatlingProcess.Result INCONCLUSIVE = exited(ProcessExit.Code.INCONCLUSIVE);

  @TempDir
  Path results;

  @Test
  void aRunInconclusiveOnlyBecauseThisMachineCouldNotKeepUpIsAborted() throws Exception {
    record("run-1", inconclusive(SLOW));

    assertThatThrownBy(() -> CouldNotKeepUp.abortIfTheOnlyProblem(INCONCLUSIVE, results))
        .isInstanceOf(TestAbortedException.class).hasMessageContaining("VERDICT INCONCLUSIVE PooledSimulation: " + SLOW.text());
  }

  @Test
  void aSlowMachineAlongWithAnyOtherProblemIsLeftToFail() throws Exception {
    record("run-1", inconclusive(SLOW, NOT_WRITTEN));

    assertThatCode(() -> CouldNotKeepUp.abortIfTheOnlyProblem(INCONCLUSIVE, results)).doesNotThrowAnyException();
  }

  @Test
  void aLostTargetOrAFileNotWrittenIsLeftToFail() throws Exception {
    record("run-1", inconclusive(LOST));
    record("run-2", inconclusive(NOT_WRITTEN));

    assertThatCode(() -> CouldNotKeepUp.abortIfTheOnlyProblem(exited(ProcessExit.Code.TARGET_LOST), results)).doesNotThrowAnyException();
    assertThatCode(() -> CouldNotKeepUp.abortIfTheOnlyProblem(INCONCLUSIVE, results)).doesNotThrowAnyException();
  }

  @Test
  void aFailedVerdictBesideASlowRunIsLeftToFail() throws Exception {
    record("run-1", verdict(Verdict.Status.FAIL));
    record("run-2", inconclusive(SLOW));

    assertThatCode(() -> CouldNotKeepUp.abortIfTheOnlyProblem(INCONCLUSIVE, results)).doesNotThrowAnyException();
  }

  @Test
  void aPassBesideASlowRunIsAborted() throws Exception {
    record("run-1", verdict(Verdict.Status.PASS));
    record("run-2", inconclusive(SLOW));

    assertThatThrownBy(() -> CouldNotKeepUp.abortIfTheOnlyProblem(INCONCLUSIVE, results)).isInstanceOf(TestAbortedException.class);
  }

  @Test
  void theExitCodeDecidesFirstAndARunWithoutASummaryIsLeftToFail() throws Exception {
    assertThatCode(() -> CouldNotKeepUp.abortIfTheOnlyProblem(INCONCLUSIVE, results)).as("no summary written")
        .doesNotThrowAnyException();

    record("run-1", inconclusive(SLOW));
    for (ProcessExit.Code code : List.of(ProcessExit.Code.DONE, ProcessExit.Code.VERDICT_FAILED, ProcessExit.Code.HARNESS_CRASHED)) {
      assertThatCode(() -> CouldNotKeepUp.abortIfTheOnlyProblem(exited(code), results)).as("exit %s", code).doesNotThrowAnyException();
    }
  }

  @Test
  void readsTheVerdictAsTheHarnessRecordedIt() throws Exception {
    Path harness = Files.createDirectories(results.resolve("clientperrequestsimulation-1").resolve("harness"));
    Files.copy(Path.of("src/test/resources/fixtures/run/clientperrequestsimulation/harness/summary.json"), harness.resolve("summary.json"));
    record("run-2", inconclusive(SLOW));

    assertThatThrownBy(() -> CouldNotKeepUp.abortIfTheOnlyProblem(INCONCLUSIVE, results)).as("a recorded PASS beside a slow run")
        .isInstanceOf(TestAbortedException.class).hasMessageNotContaining("ClientPerRequestSimulation");
  }

  @Test
  void theSlowMachinesReasonMayFollowAnotherInAVerdictLine() {
    String line = "VERDICT INCONCLUSIVE PooledSimulation: the target process died at 6.9 s (signal 9)%s; not judged: predicted clean";
    String pattern = "the target process died at 6\\.9 s \\(signal 9\\)" + CouldNotKeepUp.ALSO_SAID + "; not judged: predicted clean";
    String saturated = "; this machine could not keep up (the CPU was 98 % busy and OK-latency p50 reached 340 ms, more than 160 ms"
        + " (a tenth of the 1.6 s the onset may be off))";

    assertThat(String.format(line, "")).containsPattern(pattern);
    assertThat(String.format(line, "; " + SLOW.text())).containsPattern(pattern);
    assertThat(String.format(line, saturated)).containsPattern(pattern);
    assertThat(String.format(line, "; " + NOT_WRITTEN.text())).doesNotContainPattern(pattern);
  }

  private void record(String run, Verdict verdict) throws Exception {
    Path harness = Files.createDirectories(results.resolve(run).resolve("harness"));
    new ObjectMapper().writeValue(harness.resolve("summary.json").toFile(), Map.of("simulation", "PooledSimulation", "verdict", verdict));
  }

  private static Verdict inconclusive(EvidenceProblem... problems) {
    String because = String.join("; ", List.of(problems).stream().map(EvidenceProblem::text).toList());
    return new Verdict("PooledSimulation", "clean", true, false, "VERDICT INCONCLUSIVE PooledSimulation: " + because
        + "; not judged: expected clean", Verdict.Status.INCONCLUSIVE, List.of(problems));
  }

  private static Verdict verdict(Verdict.Status status) {
    return new Verdict("PooledSimulation", "clean", true, status == Verdict.Status.PASS, "VERDICT " + status + " PooledSimulation",
        status, List.of());
  }

  private static GatlingProcess.Result exited(ProcessExit.Code code) {
    return new GatlingProcess.Result(code.status(), "");
  }
}
