package lab.portexhaustion.verdict;

import java.util.List;
import lab.portexhaustion.process.ProcessExit;

/**
 * Whether a simulation showed what was expected of it, and whether its evidence could show it at all.
 *
 * @param checked false when expectations are off: the line only reports
 * @param passed true when checked and met, or not checked; false for an inconclusive run
 * @param line one human-readable line: simulation, expectation, what happened
 * @param status the line's word; derived from {@code checked} and {@code passed} in runs recorded before it was written
 * @param evidenceProblems why the evidence is not whole; empty when it is (and in runs recorded before it was checked)
 */
public record Verdict(String simulation, String expectation, boolean checked, boolean passed, String line, Status status,
    List<EvidenceProblem> evidenceProblems) {

  /** The word after {@code VERDICT}. */
  public enum Status {
    /** Checked and met, on whole evidence. */
    PASS,
    /** Checked and not met, on whole evidence. */
    FAIL,
    /** The evidence cannot say: the target was lost, a results file not written, or the machine could not keep up. */
    INCONCLUSIVE,
    /** Not checked ({@code verdict.enabled}): the line only reports. */
    INFO
  }

  public Verdict {
    evidenceProblems = evidenceProblems == null ? List.of() : List.copyOf(evidenceProblems);
    if (status == null) {
      status = !checked ? Status.INFO : passed ? Status.PASS : Status.FAIL;
    }
  }

  /**
   * How the simulation's JVM ends: a lost target and other inconclusive evidence each with a code of their own, so that
   * a CI script tells them from a failed verdict (docs/verdict.md, "Exit codes").
   */
  public ProcessExit.Code exitCode() {
    return switch (status) {
      case PASS, INFO -> ProcessExit.Code.DONE;
      case FAIL -> ProcessExit.Code.VERDICT_FAILED;
      case INCONCLUSIVE -> evidenceProblems.stream().anyMatch(p -> p.kind() == EvidenceProblem.Kind.TARGET_LOST)
          ? ProcessExit.Code.TARGET_LOST : ProcessExit.Code.INCONCLUSIVE;
    };
  }
}
