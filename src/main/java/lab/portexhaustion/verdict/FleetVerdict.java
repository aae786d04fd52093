package lab.portexhaustion.verdict;

/**
 * The verdict on a fleet as a whole ({@link FleetJudge}).
 *
 * @param passed whether the fleet did what the fleet model predicted, on whole evidence
 * @param status {@code PASS}, {@code FAIL}, or {@code INCONCLUSIVE} where a client's own evidence was not whole
 * @param line {@code FLEET VERDICT PASS|FAIL|INCONCLUSIVE ...}, for the console and merged.md
 */
public record FleetVerdict(boolean passed, Verdict.Status status, String line) {

  static FleetVerdict pass(String text) {
    return new FleetVerdict(true, Verdict.Status.PASS, "FLEET VERDICT PASS " + text);
  }

  static FleetVerdict fail(String text) {
    return new FleetVerdict(false, Verdict.Status.FAIL, "FLEET VERDICT FAIL " + text);
  }

  static FleetVerdict inconclusive(String text) {
    return new FleetVerdict(false, Verdict.Status.INCONCLUSIVE, "FLEET VERDICT INCONCLUSIVE " + text);
  }
}
