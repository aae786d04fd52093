package lab.portexhaustion.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import lab.portexhaustion.onset.OnsetRecord;
import lab.portexhaustion.record.RunSummary;
import lab.portexhaustion.verdict.EvidenceProblem;
import lab.portexhaustion.verdict.FleetClient;
import lab.portexhaustion.verdict.FleetJudge;
import lab.portexhaustion.verdict.FleetVerdict;

/**
 * The fleet among merged runs, handed to its verdict ({@link FleetJudge}, which holds the rules): the clients of one
 * fleet on a shared timeline ({@code fleet.start}), each placed on it, and the record of its first client, which holds
 * the fleet model's inputs. No verdict for merges of runs that are no such fleet, or without their first client's run.
 */
final class MergedFleet {

  private MergedFleet() {}

  static Optional<FleetVerdict> verdict(List<RunResults> runs) {
    return runs.stream().map(RunResults::summary)
        .filter(s -> s.fleet().filter(f -> f.client() == 1 && f.start().isPresent()).isPresent())
        .findFirst()
        .flatMap(first -> verdict(first, runs));
  }

  private static Optional<FleetVerdict> verdict(RunSummary first, List<RunResults> runs) {
    RunSummary.Fleet fleet = first.fleet().orElseThrow();
    String start = fleet.start().orElseThrow();
    List<FleetClient> clients = runs.stream().map(RunResults::summary)
        .filter(s -> s.fleet().flatMap(RunSummary.Fleet::start).filter(start::equals).isPresent()) // this fleet's, not another's
        .map(s -> client(s, Instant.parse(start)))
        .toList();
    return FleetJudge.judge(new FleetJudge.FirstClient(first.simulation(), fleet.clients(), fleet.joinIntervalSeconds(),
        first.prediction(), first.target().connectionLimit(), first.target().connectionsInUse()), clients);
  }

  /**
   * A client's run on the fleet's timeline; the server refused it where its onset was on the server's side; its evidence
   * was not whole where its verdict named a problem with it, whether its expectations were checked or not.
   */
  private static FleetClient client(RunSummary run, Instant fleetStart) {
    RunSummary.Fleet fleet = run.fleet().orElseThrow();
    Optional<Double> refused = run.onset().filter(o -> o.side().filter(OnsetRecord.SERVER::equals).isPresent())
        .map(o -> since(fleetStart, o.at()));
    Optional<String> notWhole = Optional.of(run.verdict().evidenceProblems()).filter(p -> !p.isEmpty())
        .map(problems -> problems.stream().map(EvidenceProblem::text).collect(Collectors.joining("; ")));
    return new FleetClient(fleet.client(), fleet.joinIntervalSeconds(), since(fleetStart, run.startedAt()), refused, notWhole);
  }

  private static double since(Instant fleetStart, String at) {
    return Duration.between(fleetStart, Instant.parse(at)).toMillis() / 1000.0;
  }
}
