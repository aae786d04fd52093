package lab.portexhaustion.report;

import java.util.List;
import java.util.Map;

/**
 * {@code comparison.json}: the runs side by side. Everything in it comes from the run folders,
 * so regenerating it from the same folders gives the same file. The README documents each field.
 */
public record Comparison(
    List<String> runs,
    Map<String, Map<String, String>> settingsThatDiffer,
    List<Row> table) {

  /** One strategy's line of the table. */
  public record Row(
      String simulation,
      String strategy,
      String runFolder,
      String gatlingReport,
      Conditions conditions,
      long ok,
      long ko,
      double koPercent,
      double meanPerSecond,
      long peakPerSecond,
      double latencyP50Millis,
      double latencyP95Millis,
      double latencyP99Millis,
      double latencyMaxMillis,
      int peakPortsInUseTowardTarget,
      int peakPortsInUseAnyDestination,
      int peakTimeWaitTowardTarget,
      double peakUtilisationPercent,
      Double portsPerRequest,
      Onset onset,
      Double predictedKneePerSecond,
      Double measuredKneePerSecond,
      String verdict,
      boolean verdictPassed) {}

  /** What the run ran under. */
  public record Conditions(String os, int rangeLow, int rangeHigh, int rangeSize, long timeWaitSeconds, Integer tcpTwReuse,
      long descriptorLimit, boolean contained, String targetKind, String targetServer, String targetVersion,
      String harnessVersion, String gitCommit) {}

  /** The first exhaustion-class failure, or null in the row when there was none. */
  public record Onset(double elapsedSeconds, long requestsStarted, Integer portsInUseTowardTarget, String kind, String code,
      String message, Double predictedSeconds, double arrivalRatePerSecond) {}
}
