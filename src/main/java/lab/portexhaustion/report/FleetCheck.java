package lab.portexhaustion.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.model.FleetModel;
import lab.portexhaustion.model.Prediction;
import lab.portexhaustion.model.Resource;
import lab.portexhaustion.onset.OnsetRecord;
import lab.portexhaustion.record.RunSummary;
import lab.portexhaustion.server.TargetDescription;
import lab.portexhaustion.verdict.FleetVerdict;

/**
 * The fleet verdict of merged runs, when they are the clients of one fleet on a shared timeline ({@code fleet.start})
 * whose model counts connections each client holds at the server from its start (the pool storm): the fleet model
 * from the first client's record (the server's limit and the connections in use before it, its connections per
 * client), against the clients that met the server's refusal. Empty for any other merge.
 */
final class FleetCheck {

  private FleetCheck() {}

  static Optional<FleetVerdict> of(List<RunResults> runs) {
    Optional<RunSummary> first = runs.stream().map(RunResults::summary)
        .filter(s -> s.fleet() != null && s.fleet().client() == 1 && s.fleet().start() != null).findFirst();
    if (first.isEmpty()) {
      return Optional.empty();
    }
    RunSummary s = first.get();
    Prediction p = s.prediction();
    TargetDescription target = s.target();
    if (p == null || !Resource.SERVER_CONNECTIONS.label().equals(p.resource()) || p.atStart() == 0 || target.connectionLimit() == null) {
      return Optional.empty();
    }
    Instant start = Instant.parse(s.fleet().start());
    FleetModel.FleetPrediction predicted = FleetModel.predict(s.fleet().clients(), p.atStart(), target.connectionLimit(),
        target.connectionsInUse(), Duration.ofMillis(Math.round(s.fleet().joinIntervalSeconds() * 1000)));
    List<FleetVerdict.Refusal> refusals = runs.stream().map(RunResults::summary)
        .filter(r -> r.fleet() != null && r.onset() != null && OnsetRecord.SERVER.equals(r.onset().side()))
        .map(r -> new FleetVerdict.Refusal(r.fleet().client(),
            Duration.between(start, Instant.parse(r.onset().at())).toMillis() / 1000.0))
        .toList();
    return Optional.of(FleetVerdict.judge(s.simulation(), predicted, refusals));
  }
}
