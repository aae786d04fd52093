package lab.portexhaustion.verdict;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import lab.portexhaustion.model.FleetModel;
import lab.portexhaustion.model.FleetModel.FleetPrediction;
import lab.portexhaustion.model.Prediction;
import lab.portexhaustion.model.Resource;

/**
 * Holds a fleet's merged runs against the fleet model, where the model applies: clients that each take the same
 * connections at one server as they start, joining on a shared timeline (the pool storm, docs/fleet.md). The rule:
 * {@link FirstRefusal}, on the clients as they joined ({@link LateJoin}). It is not applied where a client's own
 * evidence was not whole (its target lost, its files not written, this machine not keeping up): then the fleet's is
 * not either, and the verdict is inconclusive, as the client's was.
 */
public final class FleetJudge {

  /**
   * What the fleet's first client recorded before it connected: the fleet model's inputs.
   *
   * @param prediction its own model's prediction
   * @param connectionLimit the server's connection limit, as the first client's probe read it
   * @param connectionsInUse connections others held at the server before the first client joined
   */
  public record FirstClient(String simulation, int clients, double joinIntervalSeconds, Optional<Prediction> prediction,
      Optional<Integer> connectionLimit, Optional<Integer> connectionsInUse) {}

  private FleetJudge() {}

  /** The fleet verdict on {@code clients} (the fleet's runs that were merged); empty where the fleet model does not apply. */
  public static Optional<FleetVerdict> judge(FirstClient first, List<FleetClient> clients) {
    return predict(first).map(predicted -> judge(first.simulation(), predicted, clients));
  }

  /**
   * The fleet model's prediction, where it applies: the first client's own model is of the server's connection slots,
   * taken as the client starts, and the server said how many it had.
   */
  static Optional<FleetPrediction> predict(FirstClient first) {
    Optional<Prediction> startingSlots = first.prediction()
        .filter(p -> Resource.SERVER_CONNECTIONS.label().equals(p.resource()) && p.atStart() > 0);
    return startingSlots.flatMap(p -> first.connectionLimit().flatMap(limit -> first.connectionsInUse().map(inUse ->
        FleetModel.predict(first.clients(), p.atStart(), limit, inUse, Duration.ofMillis(Math.round(first.joinIntervalSeconds() * 1000))))));
  }

  static FleetVerdict judge(String simulation, FleetPrediction predicted, List<FleetClient> clients) {
    FirstRefusal.Finding refusal = FirstRefusal.check(predicted, clients);
    String text = simulation + ": predicted " + predicted.text() + ", got " + refusal.got();
    String notWhole = clients.stream().filter(c -> c.evidenceNotWhole().isPresent())
        .map(c -> "client " + c.number() + ": " + c.evidenceNotWhole().orElseThrow())
        .collect(Collectors.joining("; "));
    if (!notWhole.isEmpty()) {
      // As a run's own inconclusive verdict: the reason first, then what the fleet would have been judged on.
      return FleetVerdict.inconclusive(simulation + ": a client's evidence is not whole (" + notWhole + "); not judged: predicted "
          + predicted.text() + ", got " + refusal.got());
    }
    if (refusal.met()) {
      return FleetVerdict.pass(text);
    }
    return FleetVerdict.fail(text);
  }
}
