package lab.portexhaustion.verdict;

/**
 * The requests a run's simulation could not build for their virtual users: KOs that sent nothing, the simulation's
 * mistake, not the target's.
 *
 * @param count how many
 * @param first the first of them with why ("find user: the filter of 'find user': No attribute named 'user' is defined");
 *     empty when there were none
 */
public record RequestsNotBuilt(long count, String first) {

  public static final RequestsNotBuilt NONE = new RequestsNotBuilt(0, "");

  public boolean any() {
    return count > 0;
  }

  /** "; but 45 requests could not be built ...", or nothing. */
  String verdictText() {
    if (!any()) {
      return "";
    }
    String counted = count == 1 ? "1 request" : String.format("%,d requests", count);
    return String.format("; but %s could not be built, so nothing was sent for them (the simulation's mistake, not the target's),"
        + " the first: %s", counted, first);
  }
}
