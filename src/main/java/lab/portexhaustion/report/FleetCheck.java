package lab.portexhaustion.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import lab.portexhaustion.model.FleetModel;
import lab.portexhaustion.model.Prediction;
import lab.portexhaustion.model.Resource;
import lab.portexhaustion.onset.OnsetRecord;
import lab.portexhaustion.record.RunSummary;
import lab.portexhaustion.target.TargetDescription;
import lab.portexhaustion.verdict.FleetVerdict;

/**
 * The fleet verdict of merged runs, when they are the clients of one fleet on a shared timeline ({@code fleet.start})
 * whose model counts connections each client holds at the server from its start (the pool storm): the fleet model
 * from the first client's record (the server's limit and the connections in use before it, its connections per
 * client), against the clients that met the server's refusal. Empty for any other merge, and where the first
 * client's run is not among those merged.
 */
final class FleetCheck {

  /** A client whose run started this long after its turn joined late (its probe and client take some 0.5 s). */
  private static final double LATE_SECONDS = 2.0;

  private FleetCheck() {}

  static Optional<FleetVerdict> of(List<RunResults> runs) {
    Optional<RunSummary> first = runs.stream().map(RunResults::summary)
        .filter(s -> s.fleet().filter(f -> f.client() == 1 && f.start().isPresent()).isPresent()).findFirst();
    if (first.isEmpty()) {
      return Optional.empty();
    }
    RunSummary s = first.get();
    Optional<Prediction> p = s.prediction();
    TargetDescription target = s.target();
    if (p.isEmpty() || !Resource.SERVER_CONNECTIONS.label().equals(p.get().resource()) || p.get().atStart() == 0
        || target.freeConnectionSlots().isEmpty()) {
      return Optional.empty();
    }
    RunSummary.Fleet firstClient = s.fleet().orElseThrow();
    String start = firstClient.start().orElseThrow();
    List<RunSummary> fleet = runs.stream().map(RunResults::summary)
        .filter(r -> r.fleet().flatMap(RunSummary.Fleet::start).filter(start::equals).isPresent()).toList(); // this fleet's, not another's
    FleetModel.FleetPrediction predicted = FleetModel.predict(firstClient.clients(), p.get().atStart(), target.connectionLimit().orElseThrow(),
        target.connectionsInUse().orElseThrow(), Duration.ofMillis(Math.round(firstClient.joinIntervalSeconds() * 1000)));
    List<FleetVerdict.Refusal> refusals = fleet.stream()
        .filter(r -> r.onset().flatMap(OnsetRecord::side).filter(OnsetRecord.SERVER::equals).isPresent())
        .map(r -> new FleetVerdict.Refusal(r.fleet().orElseThrow().client(), sinceStart(start, r.onset().orElseThrow().at())))
        .toList();
    FleetVerdict verdict = FleetVerdict.judge(s.simulation(), predicted, refusals,
        fleet.stream().map(r -> r.fleet().orElseThrow().client()).collect(Collectors.toSet()));
    String late = fleet.stream()
        .filter(r -> lateBy(start, r) > LATE_SECONDS)
        .map(r -> String.format("client %d started %.1f s after its turn", r.fleet().orElseThrow().client(), lateBy(start, r)))
        .collect(Collectors.joining(", "));
    return Optional.of(late.isEmpty() || verdict.passed() ? verdict
        : new FleetVerdict(false, verdict.line() + "; joined late, so the fleet's timeline did not hold: " + late));
  }

  private static double lateBy(String start, RunSummary run) {
    RunSummary.Fleet fleet = run.fleet().orElseThrow();
    return sinceStart(start, run.startedAt()) - (fleet.client() - 1) * fleet.joinIntervalSeconds();
  }

  private static double sinceStart(String fleetStart, String at) {
    return Duration.between(Instant.parse(fleetStart), Instant.parse(at)).toMillis() / 1000.0;
  }
}
