package lab.portexhaustion.report;

import java.util.List;
import java.util.Optional;
import lab.portexhaustion.verdict.FleetVerdict;

/**
 * {@code merged.json}: several runs (a fleet's clients, on one machine or many) as one. Counts are sums; latency
 * percentiles come from the runs' HdrHistograms added together, never from their percentiles. results/README.md
 * documents each field.
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
  public record Client(String client, String simulation, String scenario, String startedAt, long startSecond,
      double durationSeconds, long started, long ok, long ko, double latencyP50Millis, double latencyP95Millis,
      double latencyP99Millis, double latencyMaxMillis, int rangeSize, int peakPortsInUseTowardTarget, int peakOpenTowardTarget,
      long peakDescriptorsOpen, Optional<Long> descriptorLimit, Optional<Onset> onset, String verdict) {}

  /** A client's first exhaustion-class failure, placed on the merged timeline. */
  public record Onset(String client, String at, double sinceFirstSecond, double elapsedSeconds, long requestsStarted,
      String kind, String code, String message) {}

  /** All clients together; the peaks are peaks of the per-second sums. */
  public record Total(int clients, long started, long ok, long ko, double koPercent, long peakStartedPerSecond,
      double latencyP50Millis, double latencyP95Millis, double latencyP99Millis, double latencyMaxMillis,
      int peakPortsInUseTowardTarget, int peakOpenTowardTarget, long peakDescriptorsOpen, int clientsWithOnset,
      Optional<Onset> firstOnset) {}

  /** One wall-clock second of the merged timeline. */
  public record Second(long second, long started, long ok, long ko, double p50Millis, double p95Millis, double p99Millis,
      int clientsRunning, int portsInUseTowardTarget, int openTowardTarget, long descriptorsOpen) {}
}
