package lab.portexhaustion.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.StrategyKind;
import lab.portexhaustion.measure.RunMetrics;
import lab.portexhaustion.onset.Onset;
import lab.portexhaustion.target.TargetDescription;
import org.HdrHistogram.Histogram;

/** Turns a finished run's metrics into its {@link RunSummary}, and that into the console text. */
final class SummaryBuilder {

  private SummaryBuilder() {}

  static RunSummary build(String simulation, StrategyKind kind, String strategyDetail, HarnessSettings settings,
      TargetDescription target, CleanStart.State cleanStart, Instant startedAt, Instant endedAt, RunMetrics metrics,
      long leftInFlight, Optional<Onset> onset) {
    double seconds = Math.max(0.001, Duration.between(startedAt, endedAt).toMillis() / 1000.0);
    long started = metrics.startedCount();
    long ok = metrics.succeededCount();
    long ko = metrics.failedCount();
    RunSummary.Requests requests = new RunSummary.Requests(started, ok, ko,
        ok + ko == 0 ? 0 : round(100.0 * ko / (ok + ko)), round(started / seconds), metrics.peakStartedPerSecond(), leftInFlight);
    Histogram latency = metrics.okLatencyMicros();
    RunSummary.Latency okLatency = new RunSummary.Latency(
        millis(latency, 50), millis(latency, 95), millis(latency, 99), round(latency.getMaxValue() / 1000.0));
    List<RunSummary.ErrorCount> errors = metrics.errorCounts().entrySet().stream()
        .map(e -> new RunSummary.ErrorCount(e.getKey().kind(), e.getKey().message(), e.getValue()))
        .toList();
    String outcome = onset
        .map(o -> "exhaustion: " + o.error().message() + " after " + o.requestsStarted() + " requests")
        .orElse("no exhaustion");
    return new RunSummary(simulation, kind.configName(), strategyDetail, target, SettingsReport.of(settings), cleanStart,
        startedAt.toString(), round(seconds), requests, okLatency, errors, onset.map(RunSummary.OnsetRecord::of).orElse(null),
        outcome);
  }

  static String consoleText(RunSummary s) {
    StringBuilder text = new StringBuilder();
    text.append(String.format("%n=== %s (%s) against %s ===%n", s.simulation(), s.strategy(), s.target().address()));
    text.append(String.format("requests: %,d started, %,d OK, %,d KO (%.2f %%), %.1f per s over %.1f s, busiest second %,d%n",
        s.requests().started(), s.requests().ok(), s.requests().ko(), s.requests().koPercent(),
        s.requests().meanPerSecond(), s.durationSeconds(), s.requests().peakPerSecond()));
    if (s.requests().leftInFlight() > 0) {
      text.append(String.format("%,d requests were still running when the run ended: left out, as in Gatling's report%n",
          s.requests().leftInFlight()));
    }
    text.append(String.format("OK latency ms: p50 %.2f, p95 %.2f, p99 %.2f, max %.2f%n",
        s.okLatencyMillis().p50(), s.okLatencyMillis().p95(), s.okLatencyMillis().p99(), s.okLatencyMillis().max()));
    for (RunSummary.ErrorCount error : s.errors()) {
      text.append(String.format("KO %,8d  [%s] %s%n", error.count(), error.kind(), error.message()));
    }
    text.append("outcome: ").append(s.outcome());
    return text.toString();
  }

  private static double millis(Histogram histogram, double percentile) {
    return histogram.getTotalCount() == 0 ? 0 : round(histogram.getValueAtPercentile(percentile) / 1000.0);
  }

  private static double round(double value) {
    return Math.round(value * 100.0) / 100.0;
  }
}
