package lab.portexhaustion;

/**
 * The words that go with a count in what the harness prints: the singular where the count is one ("after 1 request"),
 * the plural for any other count, 0 included. The count itself stays with the caller, in the format its line uses.
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
}
