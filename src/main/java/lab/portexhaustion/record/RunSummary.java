package lab.portexhaustion.record;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.portexhaustion.model.Prediction;
import lab.portexhaustion.onset.OnsetRecord;
import lab.portexhaustion.sampler.SamplePeaks;
import lab.portexhaustion.target.TargetDescription;
import lab.portexhaustion.verdict.Evidence;
import lab.portexhaustion.verdict.Verdict;

/**
 * The machine-readable record of one simulation run ({@code harness/summary.json}). As in every record of a run, a
 * figure not known is an empty {@link Optional} here and null in the file; so is a field older runs did not record.
 *
 * @param scenario empty in runs recorded before scenarios existed, which named only their strategy
 * @param connections empty in runs recorded before it was
 * @param connectionsOpened the load in the model's terms, whatever the workload; empty in runs recorded before it was
 *     measured
 * @param prediction what the model said before the load, from the strategy's known figure per request and the
 *     scenario's requests per visit; empty where nothing is modelled
 * @param predictionMeasured the same with the figure the run measured (per visit, or a pool's plateau); empty when not
 *     measured
 * @param batch the {@code mvn gatling:test} this run was part of (empty when started otherwise):
 *     the comparison made at the end of each run takes the runs of its batch
 * @param evidence what the run knew of its own evidence (its target, its files, this machine's pace), which the verdict
 *     checked first; empty in runs recorded before it was
 * @param verdict the run's verdict: always there, not an Optional, as a run writes its summary once it is judged (the
 *     comparison, the merge and the fleet verdict read it as such)
 * @param fleet this run's place in a fleet of clients; empty for a run on its own
 */
public record RunSummary(
    String simulation,
    Optional<String> scenario,
    String strategy,
    String strategyDetail,
    Optional<String> batch,
    TargetDescription target,
    Map<String, String> settings,
    CleanStartState cleanStart,
    String startedAt,
    double durationSeconds,
    Requests requests,
    Latency okLatencyMillis,
    List<ErrorCount> errors,
    Ports ports,
    Optional<Connections> connections,
    Optional<ConnectionsOpened> connectionsOpened,
    Optional<Prediction> prediction,
    Optional<Prediction> predictionMeasured,
    Optional<OnsetRecord> onset,
    String outcome,
    Optional<Evidence> evidence,
    Verdict verdict,
    Optional<Fleet> fleet) {

  /** The scenario's name, or for runs recorded before scenarios existed, the strategy's. */
  public String label() {
    return scenario.orElse(strategy);
  }

  /**
   * This run's place in a fleet of clients ({@code fleet.*} settings).
   *
   * @param start when the fleet's first client was due to join; empty when the clients joined as they were ready
   */
  public record Fleet(int client, int clients, Optional<String> start, double joinIntervalSeconds) {}

  /**
   * Requests the run counted; {@code leftInFlight} were still running when it ended and are not counted (nor in Gatling).
   * {@code ko} is Gatling's, so it holds the {@code notBuilt} requests the simulation could not build, which were never
   * started: empty in a summary written before they were counted (before 2 December 2026), never 0 for not known.
   */
  public record Requests(long started, long ok, long ko, double koPercent, double meanPerSecond, long peakPerSecond, long leftInFlight,
      Optional<Long> notBuilt) {}

  public record Latency(double p50, double p95, double p99, double max) {}

  public record ErrorCount(String kind, String message, long count) {}

  /**
   * What the sampler saw: the peaks, the range, and the ports each visit took (a visit: one virtual user running its
   * scenario once, one arrival of the injection profile).
   *
   * @param portsPerVisit measured within the first TIME_WAIT of the run; empty when not measured
   * @param kneeVisitsPerSecond range / TIME_WAIT / ports per visit: the visit rate the range keeps up; empty without
   *     ports per visit
   */
  public record Ports(int rangeSize, long timeWaitSeconds, SamplePeaks peaks, Optional<Double> portsPerVisit,
      Optional<Double> kneeVisitsPerSecond) {}

  /**
   * Connections kept open and the descriptors they hold (the idle-connection scenarios).
   *
   * @param descriptorLimit this process's; empty where the OS has none (Windows)
   * @param serverLimits the embedded server's connection limit and idle timeout; empty for other targets
   * @param expectedOpen what a clean run should hold at most by the model (pool size; arrival rate x idle
   *     timeout); empty where no bound applies
   */
  public record Connections(int peakOpenTowardTarget, long peakDescriptorsOpen, Optional<Long> descriptorLimit,
      Optional<String> serverLimits, Optional<Double> expectedOpen) {}

  /**
   * Connections the pattern opened under the load (its own connects and its drivers' connection events), and what each
   * took of the modelled resource: units per visit = per visit x units per connection.
   *
   * @param perVisit connections over the visits served (virtual users with a request that succeeded); empty before any
   * @param unit the modelled resource's unit ("port", "descriptor"); empty where nothing is modelled
   * @param unitsPerConnection measured within the first hold time; empty when not measured
   */
  public record ConnectionsOpened(long opened, double peakPerSecond, Optional<Double> perVisit, Optional<String> unit,
      Optional<Double> unitsPerConnection) {}
}
