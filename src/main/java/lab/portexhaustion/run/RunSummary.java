package lab.portexhaustion.run;

import java.util.List;
import java.util.Map;
import lab.portexhaustion.onset.Onset;
import lab.portexhaustion.target.TargetDescription;

/** The machine-readable record of one simulation run ({@code harness/summary.json}). */
public record RunSummary(
    String simulation,
    String strategy,
    String strategyDetail,
    TargetDescription target,
    Map<String, Object> settings,
    CleanStart.State cleanStart,
    String startedAt,
    double durationSeconds,
    Requests requests,
    Latency okLatencyMillis,
    List<ErrorCount> errors,
    OnsetRecord onset,
    String outcome) {

  /** Requests the run counted; {@code leftInFlight} were still running when it ended and are not counted (nor in Gatling). */
  public record Requests(long started, long ok, long ko, double koPercent, double meanPerSecond, long peakPerSecond, long leftInFlight) {}

  public record Latency(double p50, double p95, double p99, double max) {}

  public record ErrorCount(String kind, String message, long count) {}

  /** The first exhaustion-class failure; absent (null in JSON) when the run had none. */
  public record OnsetRecord(String at, double elapsedSeconds, String kind, String code, String message,
      String rawClass, String rawMessage, long requestsStarted, long requestsSucceeded, long requestsFailed) {

    static OnsetRecord of(Onset onset) {
      return new OnsetRecord(onset.at().toString(), onset.elapsed().toMillis() / 1000.0, onset.error().kind().label(),
          onset.error().code(), onset.error().message(), onset.error().rawClass(), onset.error().rawMessage(),
          onset.requestsStarted(), onset.requestsSucceeded(), onset.requestsFailed());
    }
  }
}
