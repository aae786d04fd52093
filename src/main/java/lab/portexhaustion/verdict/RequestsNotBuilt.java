package lab.portexhaustion.verdict;

import java.util.List;
import java.util.stream.Collectors;
import lab.portexhaustion.Plural;
import lab.portexhaustion.measure.RunMetrics.NotBuiltRequest;

/**
 * The requests a run's simulation could not build for their virtual users: KOs that sent nothing, the simulation's
 * mistake, not the target's.
 *
 * @param count how many, over all requests
 * @param requests each request that could not be built, in the order each first failed; empty when none was
 */
public record RequestsNotBuilt(long count, List<NotBuiltRequest> requests) {

  public static final RequestsNotBuilt NONE = new RequestsNotBuilt(0, List.of());

  // The verdict is one line: past this many, the rest are counted, and the summary's error table lists them all.
  private static final int NAMED_AT_MOST = 3;

  public RequestsNotBuilt {
    requests = List.copyOf(requests);
  }

  public boolean any() {
    return count > 0;
  }

  /** "; but 45 requests could not be built ...", naming each broken request, or nothing. */
  String verdictText() {
    if (!any()) {
      return "";
    }
    String head = String.format("; but %s could not be built, so nothing was sent for them (the simulation's mistake,"
        + " not the target's)", requestsText(count));
    if (requests.size() == 1) {
      return head + ", the first: " + requests.get(0).firstReason();
    }
    String named = requests.stream().limit(NAMED_AT_MOST)
        .map(r -> String.format("'%s' %s, the first: %s", r.request(), timesText(r.count()), r.firstReason()))
        .collect(Collectors.joining("; "));
    int unnamed = requests.size() - NAMED_AT_MOST;
    String more = unnamed > 0 ? String.format("; and %d more (the run's summary lists every one)", unnamed) : "";
    return String.format("%s, %d of the simulation's requests: %s%s", head, requests.size(), named, more);
  }

  private static String requestsText(long n) {
    return String.format("%,d %s", n, Plural.of(n, "request"));
  }

  private static String timesText(long n) {
    return n == 1 ? "once" : String.format("%,d times", n);
  }
}
