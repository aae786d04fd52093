package lab.portexhaustion.verdict;

import java.util.List;
import java.util.Optional;

/**
 * What a run knows of its own evidence: whether its target stayed, whether its files were written whole, and whether
 * this machine kept the pace the run asked of it. Only figures: {@link EvidenceCheck} holds them to its thresholds
 * (docs/verdict.md, "Evidence"). Recorded in {@code summary.json} as {@code evidence}. Moments are seconds since the
 * run's start.
 *
 * @param targetDied the target process's death, where the target is a process of the harness's own; empty while it
 *     lived
 * @param answers how the target answered toward the end of the run
 * @param filesNotWritten the results files that could not be written whole, each with its cause
 * @param pace the figures of this machine's pace
 */
public record Evidence(Optional<TargetDeath> targetDied, Answers answers, List<FileNotWritten> filesNotWritten, Pace pace) {

  public Evidence {
    filesNotWritten = List.copyOf(filesNotWritten);
  }

  /**
   * The target process ended while the run used it.
   *
   * @param how "exit code 1" or "signal 9"
   */
  public record TargetDeath(double atSeconds, String how) {}

  /**
   * Whether the target answered to the end: the last request that succeeded, and the requests left unanswered since.
   *
   * @param lastOkSeconds when the last request that succeeded ended; empty when none did
   * @param unansweredSince requests since then that timed out or were refused, exhaustion not explaining it
   * @param endSeconds when the run ended
   */
  public record Answers(Optional<Double> lastOkSeconds, long unansweredSince, double endSeconds) {}

  /**
   * A results file that is missing or incomplete.
   *
   * @param path where it was to be written
   * @param cause what the OS said, with its errno name where known: "No space left on device (ENOSPC)"
   */
  public record FileNotWritten(String path, String cause) {}

  /**
   * Whether this machine kept the pace the run asked of it, before any exhaustion (after it, the run is meant to slow
   * down). A figure the run could not measure is empty.
   *
   * @param injectionLagSeconds the most the requests started fell behind the injection profile
   * @param samplerIntervalMillis the totals tier's mean interval, as achieved
   * @param samplerIntervalSetMillis the totals tier's interval, as set ({@code sampler.totalsInterval})
   * @param samplerLongestGapMillis the longest time between two totals samples
   * @param okLatencyFirstMillis the median of the per-second OK-latency medians of the run's first seconds with OK requests
   * @param okLatencyLaterMillis the highest median of three seconds' OK-latency medians after those
   * @param cpuStealPercent the share of this machine's CPU time its hypervisor gave to others up to the onset (over the
   *     run when there was none, or when {@code /proc/stat} could not be read at it), where the host reports it: shown,
   *     and within {@code cpuBusyPercent}, never a threshold of its own
   * @param cpuBusyPercent the share of this machine's CPU time that was busy up to the onset (over the run when there
   *     was none, or when it could not be read at it; every process of the host; stolen time included): a threshold
   *     only together with OK latency, since a busy machine may still keep up
   */
  public record Pace(Optional<Double> injectionLagSeconds, Optional<Double> samplerIntervalMillis, double samplerIntervalSetMillis,
      Optional<Double> samplerLongestGapMillis, Optional<Double> okLatencyFirstMillis, Optional<Double> okLatencyLaterMillis,
      Optional<Double> cpuStealPercent, Optional<Double> cpuBusyPercent) {}
}
