package lab.portexhaustion.verdict;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.model.FleetModel.FleetPrediction;
import lab.portexhaustion.model.FleetModel.Refused;

/**
 * The fleet verdict's main rule: the server starts refusing at the client and the moment the fleet model predicted
 * (within 10 % of each, and of the moment at least 1 s: the clients' clocks and the driver's first connect after
 * joining), and not at all where it predicted that every client fits. A predicted client whose run is not among the
 * merged ones is named: its refusal could not be seen. The model has the client refused as it joins, and it joins when
 * its run starts: the predicted client, where it started late ({@link LateJoin}), is held to its own start, as its
 * refusal comes that much later whatever the model (on a slow machine a client's start after its turn took 3 to 4 s).
 */
final class FirstRefusal {

  static final double TOLERANCE = 0.10;
  static final double MIN_TOLERANCE_SECONDS = 1.0;

  /**
   * What the rule found.
   *
   * @param got what happened, as the verdict line says it after "got "
   */
  record Finding(boolean met, String got) {}

  private FirstRefusal() {}

  static Finding check(FleetPrediction predicted, List<FleetClient> clients) {
    Optional<FleetClient> first = clients.stream().filter(c -> c.refusedSeconds().isPresent())
        .min(Comparator.comparingDouble(c -> c.refusedSeconds().orElseThrow()));
    if (predicted.firstRefused().isEmpty()) {
      return first.map(c -> new Finding(false, String.format("client %d refused at %.1f s", c.number(), c.refusedSeconds().orElseThrow())))
          .orElse(new Finding(true, "no client refused"));
    }
    Refused expected = predicted.firstRefused().orElseThrow();
    if (first.isEmpty()) {
      boolean merged = clients.stream().anyMatch(c -> c.number() == expected.client());
      return new Finding(false, "no client refused"
          + (merged ? "" : String.format(" (client %d's run is not among the merged runs)", expected.client())));
    }
    return against(expected, first.orElseThrow());
  }

  private static Finding against(Refused expected, FleetClient refused) {
    int k = expected.client();
    double t = expected.atSeconds();
    int client = refused.number();
    double at = refused.refusedSeconds().orElseThrow();
    double late = client == k && refused.lateSeconds() > LateJoin.LATE_SECONDS ? refused.lateSeconds() : 0;
    double onTimeline = at - late;
    double allowedSeconds = Math.max(TOLERANCE * t, MIN_TOLERANCE_SECONDS);
    boolean clientRight = Math.abs(client - k) <= TOLERANCE * k;
    boolean timeRight = Math.abs(onTimeline - t) <= allowedSeconds;
    String got = String.format("client %d at %.1f s%s%s", client, at,
        late > 0 ? String.format("; it started %.1f s after its turn, so %.1f s on the fleet's timeline", late, onTimeline) : "",
        t > 0 ? String.format(" (%+.1f %%)", 100 * (onTimeline - t) / t) : "");
    if (!clientRight) {
      got += String.format("; the client is more than 10 %% from client %d", k);
    }
    if (!timeRight) {
      got += String.format("; the moment is more than %.1f s from %.1f s", allowedSeconds, t);
    }
    return new Finding(clientRight && timeRight, got);
  }
}
