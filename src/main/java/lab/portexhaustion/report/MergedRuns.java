package lab.portexhaustion.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.verdict.FleetVerdict;

/**
 * {@code merged.json}: several runs (a fleet's clients, on one machine or many) as one. Counts are sums; latency
 * percentiles come from the runs' HdrHistograms added together, never from their percentiles. results/README.md
 * documents each field. The parts a client and the total share ({@link Requests}, {@link Latency}, {@link Peaks}) are
 * written flat into them, so the file has one level per client as it always had.
 *
 * @param firstSecond the wall-clock second (since the epoch) the merged timeline starts at: the earliest run's start
 * @param fleetVerdict the fleet model's verdict on the clients together (the pool storm); empty for merges it does not
 *     model
 */
public record MergedRuns(long firstSecond, String firstSecondAt, List<Client> clients, Total total, List<Second> perSecond,
    Optional<FleetVerdict> fleetVerdict) {

  /**
   * One run of the merge.
   *
   * @param descriptorLimit the run's; empty where its OS has none (Windows)
   */
  public record Client(@JsonUnwrapped Run run, @JsonUnwrapped Requests requests, @JsonUnwrapped Latency latency, int rangeSize,
      @JsonUnwrapped Peaks peaks, Optional<Long> descriptorLimit, Optional<Onset> onset, String verdict) {}

  /**
   * Which run, and where it is on the merged timeline.
   *
   * @param client the run folder's path below the folder that holds all the merged runs
   * @param startSecond where the run's second 0 is on the merged timeline
   */
  public record Run(String client, String simulation, String scenario, String startedAt, long startSecond, double durationSeconds) {}

  /** Requests started, and finished OK or KO. */
  public record Requests(long started, long ok, long ko) {}

  /** OK latencies, milliseconds. */
  public record Latency(@JsonProperty("latencyP50Millis") double p50Millis, @JsonProperty("latencyP95Millis") double p95Millis,
      @JsonProperty("latencyP99Millis") double p99Millis, @JsonProperty("latencyMaxMillis") double maxMillis) {}

  /** The highest figures of a run, or of the per-second sums of all of them. */
  public record Peaks(@JsonProperty("peakPortsInUseTowardTarget") int portsInUseTowardTarget,
      @JsonProperty("peakOpenTowardTarget") int openTowardTarget, @JsonProperty("peakDescriptorsOpen") long descriptorsOpen) {}

  /** A client's first exhaustion-class failure, placed on the merged timeline. */
  public record Onset(String client, String at, double sinceFirstSecond, double elapsedSeconds, long requestsStarted,
      String kind, String code, String message) {}

  /**
   * All clients together; the peaks are peaks of the per-second sums.
   *
   * @param firstOnset the earliest client's onset; empty when none had one
   */
  public record Total(int clients, @JsonUnwrapped Requests requests, double koPercent, long peakStartedPerSecond,
      @JsonUnwrapped Latency latency, @JsonUnwrapped Peaks peaks, int clientsWithOnset, Optional<Onset> firstOnset) {}

  /** One wall-clock second of the merged timeline. */
  public record Second(long second, long started, long ok, long ko, double p50Millis, double p95Millis, double p99Millis,
      int clientsRunning, int portsInUseTowardTarget, int openTowardTarget, long descriptorsOpen) {}
}
