package lab.portexhaustion.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.record.RecordJson;
import lab.portexhaustion.record.RunSummary;
import lab.portexhaustion.verdict.EvidenceProblem;
import lab.portexhaustion.verdict.Verdict;
import org.junit.jupiter.api.Assumptions;

/**
 * For the end-to-end tests that hold a run to an exact PASS or FAIL: they end as aborted, not failed, when the run's
 * verdict was INCONCLUSIVE for one reason alone, that this machine could not keep up. The harness told the truth there
 * (a run on a starved machine says so and neither passes nor fails, docs/verdict.md), and the test has nothing left to
 * check. Everything else stays the test's to fail on: another run's FAIL, a lost target, a file not written, a slow
 * machine along with any of these, a run that left no summary.
 */
final class CouldNotKeepUp {

  /**
   * The reason a verdict adds where this machine could not keep up, as an optional part of a pattern: for the tests that
   * hold a verdict line to another reason, which stays the first (seen in CI on 2026-12-03 beside a lost target).
   */
  static final String ALSO_SAID = "(?:; this machine could not keep up \\(.+\\))?";

  private static final ObjectMapper SUMMARIES = RecordJson.reader();

  private CouldNotKeepUp() {}

  /**
   * Aborts the calling test where {@code result} exited INCONCLUSIVE and every verdict under {@code resultsFolder} that
   * was not a PASS says only that this machine could not keep up; returns otherwise.
   */
  static void abortIfTheOnlyProblem(GatlingProcess.Result result, Path resultsFolder) throws IOException {
    if (result.exitCode() != ProcessExit.Code.INCONCLUSIVE.status()) {
      return;
    }
    List<Verdict> verdicts = verdicts(resultsFolder);
    List<Verdict> notPassed = verdicts.stream().filter(v -> v.status() != Verdict.Status.PASS).toList();
    boolean onlySlowness = !notPassed.isEmpty() && notPassed.stream().allMatch(CouldNotKeepUp::inconclusiveForSlownessAlone);
    Assumptions.assumeFalse(onlySlowness, () -> "this machine could not keep up with the run, so there is no PASS or FAIL to hold it to: "
        + notPassed.stream().map(Verdict::line).collect(Collectors.joining(" | ")));
  }

  private static boolean inconclusiveForSlownessAlone(Verdict verdict) {
    return verdict.status() == Verdict.Status.INCONCLUSIVE && !verdict.evidenceProblems().isEmpty()
        && verdict.evidenceProblems().stream().allMatch(p -> p.kind() == EvidenceProblem.Kind.COULD_NOT_KEEP_UP);
  }

  /**
   * The verdict of every run under {@code resultsFolder} (its {@code <run>/harness/summary.json} files), read with the
   * project's own reader of those files.
   */
  private static List<Verdict> verdicts(Path resultsFolder) throws IOException {
    try (Stream<Path> files = Files.find(resultsFolder, 3, (path, attributes) -> attributes.isRegularFile()
        && path.getFileName().toString().equals("summary.json") && path.getParent().getFileName().toString().equals("harness"))) {
      List<Verdict> verdicts = new ArrayList<>();
      for (Path summary : files.sorted().toList()) {
        Optional.ofNullable(SUMMARIES.readValue(summary.toFile(), RunSummary.class).verdict()).ifPresent(verdicts::add);
      }
      return verdicts;
    }
  }
}
