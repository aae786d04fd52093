package lab.portexhaustion.verdict;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lab.portexhaustion.model.FleetModel.FleetPrediction;
import lab.portexhaustion.model.FleetModel.Refused;

/**
 * The verdict on a fleet as a whole: did the server start refusing at the client and the moment the fleet model
 * predicted (within 10 % of each, and of the time at least 1 s: the clients' clocks and the driver's first connect
 * after joining), and not at all when it predicted every client fits.
 *
 * @param passed whether the fleet did what the model predicted
 * @param line {@code FLEET VERDICT PASS|FAIL ...}, for the console and merged.md
 */
public record FleetVerdict(boolean passed, String line) {

  static final double TOLERANCE = 0.10;
  static final double MIN_TOLERANCE_SECONDS = 1.0;

  /**
   * A client whose run met the server's refusal (its onset on the server's side).
   *
   * @param sinceFleetStart its onset, in seconds after the fleet's first client was due to join
   */
  public record Refusal(int client, double sinceFleetStart) {}

  /** {@code merged}: the clients whose runs were merged; a refusal of a client not among them cannot be seen. */
  public static FleetVerdict judge(String name, FleetPrediction predicted, List<Refusal> refusals, Set<Integer> merged) {
    Optional<Refusal> first = refusals.stream().min(Comparator.comparingDouble(Refusal::sinceFleetStart));
    String head = name + ": predicted " + predicted.text() + ", got ";
    if (predicted.firstRefused().isEmpty()) {
      return first.map(r -> fail(head + String.format("client %d refused at %.1f s", r.client(), r.sinceFleetStart())))
          .orElseGet(() -> pass(head + "no client refused"));
    }
    Refused expected = predicted.firstRefused().get();
    if (first.isEmpty()) {
      return fail(head + "no client refused" + (merged.contains(expected.client()) ? ""
          : String.format(" (client %d's run is not among the merged runs)", expected.client())));
    }
    Refusal got = first.get();
    int k = expected.client();
    double t = expected.atSeconds();
    boolean clientRight = Math.abs(got.client() - k) <= TOLERANCE * k;
    boolean timeRight = Math.abs(got.sinceFleetStart() - t) <= Math.max(TOLERANCE * t, MIN_TOLERANCE_SECONDS);
    String text = head + String.format("client %d at %.1f s%s", got.client(), got.sinceFleetStart(),
        t > 0 ? String.format(" (%+.1f %%)", 100 * (got.sinceFleetStart() - t) / t) : "");
    if (!clientRight) {
      text += String.format("; the client is more than 10 %% from client %d", k);
    }
    if (!timeRight) {
      text += String.format("; the moment is more than %.1f s from %.1f s", Math.max(TOLERANCE * t, MIN_TOLERANCE_SECONDS), t);
    }
    return clientRight && timeRight ? pass(text) : fail(text);
  }

  private static FleetVerdict pass(String text) {
    return new FleetVerdict(true, "FLEET VERDICT PASS " + text);
  }

  private static FleetVerdict fail(String text) {
    return new FleetVerdict(false, "FLEET VERDICT FAIL " + text);
  }
}
