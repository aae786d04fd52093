package lab.portexhaustion;

import java.util.List;

/**
 * The words that go with a count in what the harness prints: the singular where the count is one ("after 1 request"),
 * the plural for any other count, 0 included; a list of names as a sentence says it. The count itself stays with the
 * caller, in the format its line uses.
 */
public final class Plural {

  private Plural() {}

  /** {@code noun} for a count of one, {@code noun} + "s" for any other: "request", "requests". */
  public static String of(long count, String noun) {
    return of(count, noun, noun + "s");
  }

  /** {@code one} for a count of one, {@code many} for any other: "request was", "requests were". */
  public static String of(long count, String one, String many) {
    return count == 1 ? one : many;
  }

  /** Names as a sentence lists them: "ports.csv", "ports.csv and summary.json", "a, b and c". */
  public static String listed(List<String> names) {
    return names.size() <= 1 ? String.join("", names)
        : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }
}
