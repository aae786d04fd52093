package lab.portexhaustion.verdict;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lab.portexhaustion.model.FleetModel.FleetPrediction;
import lab.portexhaustion.model.FleetModel.Refused;

/**
 * The fleet verdict's rule: the server starts refusing at the client and the moment the fleet model predicted (within
 * 10 % of each, and of the moment at least 1 s: the clients' clocks and the driver's first connect after joining), and
 * not at all where it predicted that every client fits. A predicted client whose run is not among the merged ones is
 * named: its refusal could not be seen.
 *
 * <p>The model has a client refused as it joins, and it joins when its run starts. A client that started late
 * ({@link LateJoin}: on a slow machine a client's start after its turn took 3 to 4 s, and one took 23 s) is placed at
 * its own start, the others at their turns; the model is then held to the clients in the order they joined, so that a
 * late start moves what is expected rather than failing the model.
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
    Refused planned = predicted.firstRefused().orElseThrow();
    if (first.isEmpty()) {
      boolean merged = clients.stream().anyMatch(c -> c.number() == planned.client());
      return new Finding(false, "no client refused"
          + (merged ? "" : String.format(" (client %d's run is not among the merged runs)", planned.client())));
    }
    Refused expected = predicted.firstRefusedJoining(lateJoins(clients)).orElseThrow();
    String moved = expected.equals(planned) ? "" : String.format("; as the clients joined (%s), the model has client %d refused at"
        + " %.1f s", LateJoin.named(clients).orElseThrow(), expected.client(), expected.atSeconds());
    return against(expected, first.orElseThrow(), moved);
  }

  /** The clients that started late, at their own starts; the others joined on their turns. */
  private static Map<Integer, Double> lateJoins(List<FleetClient> clients) {
    return clients.stream().filter(LateJoin::joinedLate)
        .collect(Collectors.toMap(FleetClient::number, FleetClient::startedSeconds));
  }

  private static Finding against(Refused expected, FleetClient refused, String moved) {
    int k = expected.client();
    double t = expected.atSeconds();
    int client = refused.number();
    double at = refused.refusedSeconds().orElseThrow();
    double allowedSeconds = Math.max(TOLERANCE * t, MIN_TOLERANCE_SECONDS);
    boolean clientRight = Math.abs(client - k) <= TOLERANCE * k;
    boolean timeRight = Math.abs(at - t) <= allowedSeconds;
    String got = String.format("client %d at %.1f s%s%s", client, at, t > 0 ? String.format(" (%+.1f %%)", 100 * (at - t) / t) : "",
        moved);
    if (!clientRight) {
      got += String.format("; the client is more than 10 %% from client %d", k);
    }
    if (!timeRight) {
      got += String.format("; the moment is more than %.1f s from %.1f s", allowedSeconds, t);
    }
    return new Finding(clientRight && timeRight, got);
  }
}
