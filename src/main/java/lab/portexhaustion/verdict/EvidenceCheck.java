package lab.portexhaustion.verdict;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lab.portexhaustion.Plural;

/**
 * Holds a run's {@link Evidence} to the thresholds docs/verdict.md ("Evidence") gives, and says in one phrase each what
 * is missing. The pace thresholds are set well above what normal runs on a busy 2-core machine measure (the figures
 * are in docs/verdict.md), so that they trip on a machine that could not keep up, not on one that was merely busy.
 */
public final class EvidenceCheck {

  /** A target that answered, then answered no request for at least this long to the end of the run, was lost... */
  static final double SILENCE_SECONDS = 3.0;
  /** ...while at least this many timed out or were refused, exhaustion not explaining it. */
  static final long SILENCE_FAILURES = 10;
  /** The requests may fall this far behind the injection profile. */
  static final double INJECTION_LAG_SECONDS = 2.0;
  /** The sampler's totals tier may take this many times its interval, on average... */
  static final double SAMPLER_INTERVAL_RATIO = 1.5;
  /**
   * ...and this long between two samples at most. 5 s, not less: a clean-clone CI run on a quiet machine (14 % busy)
   * saw one 3.7 s gap in a keep-alive run that neither the load nor the machine explained (docs/verdict.md).
   */
  static final double SAMPLER_GAP_MILLIS = 5_000;
  /** OK latency may grow this many times over the run's first seconds... */
  static final double LATENCY_GROWTH = 10;
  /** ...or by this much, whichever is more. */
  static final double LATENCY_GROWTH_FLOOR_MILLIS = 100;
  /**
   * A machine this busy over the run... Busy alone is no reason (a machine at 100 % may keep up), and slow requests
   * alone are none either (a remote server may be slow): the two together are a machine whose clients waited for a CPU.
   * Time the hypervisor stole counts as busy ({@code CpuTimes}), and is no reason by itself either: a CI run on
   * 2026-12-03 had 13 % stolen while its requests kept their schedule to 0.00 s and its OK latency fell from 10 to 8 ms.
   */
  static final double SATURATED_CPU_PERCENT = 90;
  /**
   * ...may give OK latencies of at most this share of the onset's tolerance. A client starved from its first second
   * shows no growth against its first seconds, yet its requests open their sockets too late to time an onset within
   * the tolerance. Measured (docs/verdict.md): starved fleet clients 340 ms to 2.3 s against tolerances of 1.6 to 3.8 s
   * (21 % and more), normal runs at most 27 ms against at least 1 s (3 % at most).
   */
  static final double LATENCY_SHARE_OF_TOLERANCE = 0.10;

  private EvidenceCheck() {}

  /**
   * What is missing from {@code evidence}, the target first; empty when it is whole. {@code turnedAway}: the requests
   * the harness could not send before any exhaustion, its workers all busy ("harness saturated"): the load asked of the
   * target was never sent, whatever else the run shows. {@code onsetToleranceSeconds}: how far the onset may be from
   * its prediction, where the verdict holds it to one and it missed or never came.
   */
  public static List<EvidenceProblem> problems(Evidence evidence, long turnedAway, Optional<Double> onsetToleranceSeconds) {
    List<EvidenceProblem> problems = new ArrayList<>();
    targetLost(evidence).ifPresent(text -> problems.add(new EvidenceProblem(EvidenceProblem.Kind.TARGET_LOST, text)));
    if (!evidence.filesNotWritten().isEmpty()) {
      problems.add(new EvidenceProblem(EvidenceProblem.Kind.FILES_INCOMPLETE, notWritten(evidence.filesNotWritten())));
    }
    if (turnedAway > 0) {
      problems.add(new EvidenceProblem(EvidenceProblem.Kind.HARNESS_SATURATED, String.format("the harness could not send %,d"
          + " %s, its workers all busy (harness saturated): lower load.peakRate, or spread the load over several load"
          + " generators", turnedAway, Plural.of(turnedAway, "request"))));
    }
    List<String> strain = strain(evidence.pace(), onsetToleranceSeconds);
    if (!strain.isEmpty()) {
      problems.add(new EvidenceProblem(EvidenceProblem.Kind.COULD_NOT_KEEP_UP,
          "this machine could not keep up (" + String.join("; ", strain) + ")"));
    }
    return problems;
  }

  /** "could not write ports.csv and summary.json in /r/run/harness: No space left on device (ENOSPC)", per folder and cause. */
  private static String notWritten(List<Evidence.FileNotWritten> files) {
    Map<String, List<String>> namesByPlace = new LinkedHashMap<>();
    for (Evidence.FileNotWritten file : files) {
      Path path = Path.of(file.path());
      String place = (path.getParent() == null ? "." : path.getParent().toString()) + ": " + file.cause();
      namesByPlace.computeIfAbsent(place, p -> new ArrayList<>()).add(String.valueOf(path.getFileName()));
    }
    return namesByPlace.entrySet().stream().map(e -> "could not write " + Plural.listed(e.getValue()) + " in " + e.getKey())
        .collect(Collectors.joining("; "));
  }

  private static Optional<String> targetLost(Evidence evidence) {
    if (evidence.targetDied().isPresent()) {
      Evidence.TargetDeath death = evidence.targetDied().get();
      return Optional.of(String.format("the target process died at %.1f s (%s)", death.atSeconds(), death.how()));
    }
    Evidence.Answers answers = evidence.answers();
    return stoppedAnsweringAt(answers)
        .map(lastOk -> String.format("the target stopped answering at %.1f s: no request succeeded in the %.1f s after,"
            + " %,d timed out or were refused", lastOk, answers.endSeconds() - lastOk, answers.unansweredSince()));
  }

  /**
   * When a target that answered stopped answering for the rest of the run, its last answer; empty while it answered.
   * After that moment the run's pace says nothing of this machine: its workers wait on the timeouts of a target that
   * is gone, and fall behind the profile however idle the machine is.
   */
  public static Optional<Double> stoppedAnsweringAt(Evidence.Answers answers) {
    return answers.lastOkSeconds()
        .filter(lastOk -> answers.endSeconds() - lastOk >= SILENCE_SECONDS && answers.unansweredSince() >= SILENCE_FAILURES);
  }

  /** Each pace figure past its threshold, as a phrase with the figure and the threshold. */
  private static List<String> strain(Evidence.Pace pace, Optional<Double> onsetToleranceSeconds) {
    List<String> strain = new ArrayList<>();
    pace.injectionLagSeconds().filter(lag -> lag > INJECTION_LAG_SECONDS).ifPresent(lag -> strain.add(String.format(
        "the requests fell %.1f s behind the injection profile, more than %.1f s", lag, INJECTION_LAG_SECONDS)));
    pace.samplerIntervalMillis().filter(mean -> mean > SAMPLER_INTERVAL_RATIO * pace.samplerIntervalSetMillis())
        .ifPresent(mean -> strain.add(String.format("the sampler took %.0f ms per sample on average, set to %.0f ms",
            mean, pace.samplerIntervalSetMillis())));
    pace.samplerLongestGapMillis().filter(gap -> gap > SAMPLER_GAP_MILLIS).ifPresent(gap -> strain.add(String.format(
        "the sampler stalled for %.1f s, more than %.1f s", gap / 1000, SAMPLER_GAP_MILLIS / 1000)));
    pace.okLatencyFirstMillis().ifPresent(first -> {
      double allowed = Math.max(LATENCY_GROWTH * first, first + LATENCY_GROWTH_FLOOR_MILLIS);
      pace.okLatencyLaterMillis().filter(later -> later > allowed).ifPresent(later -> strain.add(String.format(
          "OK-latency p50 rose from %.0f ms in the first seconds to %.0f ms, more than the %.0f ms allowed", first, later, allowed)));
    });
    saturated(pace, onsetToleranceSeconds).ifPresent(strain::add);
    return strain;
  }

  /**
   * A busy machine whose requests were slow, where the onset missed its tolerance. Where its OK latency could not be
   * measured (an onset in the first seconds, or fewer than {@code LatencyGrowth.MIN_OK} OK requests a second), a busy
   * machine cannot be told from one that kept up: the run says so rather than blame the model.
   */
  private static Optional<String> saturated(Evidence.Pace pace, Optional<Double> onsetToleranceSeconds) {
    Optional<Double> busy = pace.cpuBusyPercent().filter(percent -> percent >= SATURATED_CPU_PERCENT);
    Optional<Double> slowest = pace.okLatencyFirstMillis().map(first -> Math.max(first, pace.okLatencyLaterMillis().orElse(first)));
    if (busy.isEmpty() || onsetToleranceSeconds.isEmpty()) {
      return Optional.empty();
    }
    if (slowest.isEmpty()) {
      return Optional.of(String.format("the CPU was %.0f %% busy, and OK latency could not be measured (too few seconds of"
          + " OK requests before the onset, or the end) to show the requests were not kept waiting", busy.get()));
    }
    double allowedMillis = LATENCY_SHARE_OF_TOLERANCE * onsetToleranceSeconds.get() * 1000;
    return slowest.filter(latency -> latency > allowedMillis).map(latency -> String.format("the CPU was %.0f %% busy and"
        + " OK-latency p50 reached %.0f ms, more than %.0f ms (a tenth of the %.1f s the onset may be off)",
        busy.get(), latency, allowedMillis, onsetToleranceSeconds.get()));
  }
}
