package lab.portexhaustion.verdict;

/**
 * Whether a simulation showed what was expected of it.
 *
 * @param checked false when expectations are off: the line only reports
 * @param passed true when checked and met, or not checked
 * @param line one human-readable line: simulation, expectation, what happened
 */
public record Verdict(String simulation, String expectation, boolean checked, boolean passed, String line) {}
