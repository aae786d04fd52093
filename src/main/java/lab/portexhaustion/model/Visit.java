package lab.portexhaustion.model;

import java.util.List;
import java.util.Optional;
import lab.portexhaustion.Plural;

/**
 * What one visit sends, as the model counts it. A visit is one arrival of the injection profile: one virtual user
 * running its scenario once. The model multiplies what one request takes by the visit's requests, and the profile's
 * rate counts visits per second.
 *
 * @param requests the MongoDB requests of the scenario's chain, each counted once, at least 1: both branches of a
 *     condition count, so a visit that takes one of them sends fewer
 * @param repeated the requests inside a loop (or a tryMax, which repeats a block that failed), which a visit sends as
 *     many times as the loop goes round: counted once, so the figure before the load is low by that much
 * @param scenarios the scenarios that send MongoDB requests; where there are several, a visit is one arrival in each
 *     and their requests add up
 */
public record Visit(int requests, List<String> repeated, int scenarios) {

  /** One request per visit: the built-in simulations, and the model's figure before Gatling has built a scenario. */
  public static final Visit ONE_REQUEST = new Visit(1, List.of(), 1);

  public Visit {
    requests = Math.max(1, requests);
    repeated = List.copyOf(repeated);
  }

  /** "1 request", "3 requests". */
  public String text() {
    return requests + " " + Plural.of(requests, "request");
  }

  /** What the model cannot know of this visit before the load, in one paragraph; empty for one straight chain. */
  public Optional<String> warning() {
    StringBuilder text = new StringBuilder();
    if (!repeated.isEmpty()) {
      text.append(String.format("the %s %s %s inside a loop: the model counts %s once per visit (%s in all), so its"
              + " prediction before the load is low by as many times as the loop goes round; the figure per visit the run"
              + " measures replaces it once the load runs.", Plural.of(repeated.size(), "request"),
          String.join(", ", repeated.stream().map(name -> "'" + name + "'").toList()), Plural.of(repeated.size(), "is", "are"),
          repeated.size() == 1 ? "it" : "each", text()));
    }
    if (scenarios > 1) {
      text.append(text.isEmpty() ? "" : " ").append(String.format("%d scenarios send MongoDB requests: the model takes each to"
          + " inject the protocol's profile, so a visit is one arrival in each, %s in all.", scenarios, text()));
    }
    return text.isEmpty() ? Optional.empty() : Optional.of(text.toString());
  }
}
