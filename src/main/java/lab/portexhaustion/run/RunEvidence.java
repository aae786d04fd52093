package lab.portexhaustion.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.measure.CpuTimes;
import lab.portexhaustion.measure.LatencyGrowth;
import lab.portexhaustion.measure.RunMetrics;
import lab.portexhaustion.measure.ScheduleLag;
import lab.portexhaustion.measure.SecondStats;
import lab.portexhaustion.onset.OnsetRecord;
import lab.portexhaustion.verdict.Evidence;
import lab.portexhaustion.verdict.EvidenceCheck;

/**
 * Gathers what a finished run knows of its own evidence ({@link Evidence}) from its parts: the target's death, the
 * requests' answers and pace, the sampler's pace, the files not written, and this machine's CPU time since the start.
 * The pace is measured before the onset, if there was one: after it, a run is meant to slow down; and before the
 * target was lost, if it was: after that its workers wait on timeouts, and the run falls behind on an idle machine. So is the CPU's
 * share: after the onset a client may idle on timeouts or spin on refusals, which says nothing of whether the machine
 * kept up while the onset was being timed (where the CPU time could not be read at the onset, the end's reading
 * stands in).
 */
final class RunEvidence {

  /** What the run's parts hold at its end. */
  record Parts(Instant startedAt, Instant endedAt, Optional<Evidence.TargetDeath> targetDied, RunMetrics metrics,
      Optional<OnsetRecord> onset, HarnessSettings settings, SamplerPace samplerPace, List<Evidence.FileNotWritten> notWritten,
      Optional<CpuTimes> cpuAtStart, Optional<CpuTimes> cpuAtOnset) {}

  private RunEvidence() {}

  static Evidence gather(Parts parts) {
    double end = seconds(parts.startedAt(), parts.endedAt());
    RunMetrics metrics = parts.metrics();
    List<SecondStats> perSecond = metrics.perSecond();
    Evidence.Answers answers = new Evidence.Answers(metrics.lastOk().map(at -> seconds(parts.startedAt(), at)),
        metrics.unansweredSinceLastOk(), end);
    double until = paceUntil(parts.onset(), parts.targetDied(), answers);
    Optional<Double> lag = metrics.firstStarted().flatMap(first ->
        ScheduleLag.worst(perSecond, seconds(parts.startedAt(), first), parts.settings().load(), until)).map(RunEvidence::round);
    Optional<LatencyGrowth.Medians> latency = LatencyGrowth.of(perSecond, until);
    Optional<CpuTimes> cpuUntil = parts.cpuAtOnset().or(CpuTimes::now);
    Optional<Double> steal = parts.cpuAtStart().flatMap(before -> cpuUntil.flatMap(now -> now.stealPercentSince(before)));
    Optional<Double> busy = parts.cpuAtStart().flatMap(before -> cpuUntil.flatMap(now -> now.busyPercentSince(before)));
    Evidence.Pace pace = new Evidence.Pace(lag, parts.samplerPace().meanIntervalMillis().map(RunEvidence::round),
        parts.settings().sampler().totalsInterval().toMillis(), parts.samplerPace().longestGapMillis(),
        latency.map(LatencyGrowth.Medians::firstMillis), latency.map(LatencyGrowth.Medians::laterMillis), steal, busy);
    return new Evidence(parts.targetDied(), answers, parts.notWritten(), pace);
  }

  /** Until when the pace counts: the onset, the target's death or its last answer, whichever came first, else the end. */
  static double paceUntil(Optional<OnsetRecord> onset, Optional<Evidence.TargetDeath> died, Evidence.Answers answers) {
    return Stream.of(onset.map(OnsetRecord::elapsedSeconds), died.map(Evidence.TargetDeath::atSeconds),
            EvidenceCheck.stoppedAnsweringAt(answers))
        .flatMap(Optional::stream).min(Double::compare).orElse(answers.endSeconds());
  }

  /** {@code evidence} with the files not written as they are now: after the summary's own write. */
  static Evidence withFiles(Evidence evidence, List<Evidence.FileNotWritten> notWritten) {
    return new Evidence(evidence.targetDied(), evidence.answers(), notWritten, evidence.pace());
  }

  static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }

  private static double round(double value) {
    return Math.round(value * 100.0) / 100.0;
  }
}
