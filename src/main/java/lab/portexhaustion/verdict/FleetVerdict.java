package lab.portexhaustion.verdict;

/**
 * The verdict on a fleet as a whole ({@link FleetJudge}).
 *
 * @param passed whether the fleet did what the fleet model predicted
 * @param line {@code FLEET VERDICT PASS|FAIL ...}, for the console and merged.md
 */
public record FleetVerdict(boolean passed, String line) {

  static FleetVerdict pass(String text) {
    return new FleetVerdict(true, "FLEET VERDICT PASS " + text);
  }

  static FleetVerdict fail(String text) {
    return new FleetVerdict(false, "FLEET VERDICT FAIL " + text);
  }
}
