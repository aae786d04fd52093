package lab.portexhaustion.report;

import java.util.List;
import java.util.Map;
import lab.portexhaustion.model.Prediction;

/**
 * {@code comparison.json}: the runs side by side. Everything in it comes from the run folders,
 * so regenerating it from the same folders gives the same file. docs/results.md documents each field.
 */
public record Comparison(
    String family,
    String title,
    List<String> runs,
    Map<String, Map<String, String>> settingsThatDiffer,
    List<Row> table) {

  /**
   * One run's column of the table.
   *
   * @param prediction the model's prediction the verdict used: with the measured figure per request where there was
   *     one; null for runs recorded before predictions existed
   */
  public record Row(
      String simulation,
      String scenario,
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
      int peakOpenTowardTarget,
      Double expectedOpenTowardTarget,
      long peakDescriptorsOpen,
      Long serverPeakDescriptorsOpen,
      Long serverDescriptorLimit,
      String serverLimits,
      Onset onset,
      Prediction prediction,
      Double predictedKneePerSecond,
      Double measuredKneePerSecond,
      String verdict,
      boolean verdictPassed) {

    /** The column's name: the scenario, or for runs recorded before scenarios existed, the strategy. */
    public String label() {
      return scenario != null ? scenario : strategy;
    }
  }

  /** What the run ran under. */
  public record Conditions(String os, int rangeLow, int rangeHigh, int rangeSize, long timeWaitSeconds, Integer tcpTwReuse,
      long descriptorLimit, boolean contained, String targetKind, String targetServer, String targetVersion,
      String harnessVersion, String gitCommit) {}

  /** The first exhaustion-class failure, or null in the row when there was none. */
  public record Onset(double elapsedSeconds, String side, long requestsStarted, Integer portsInUseTowardTarget, Integer openTowardTarget,
      long descriptorsOpen, Long serverDescriptorsOpen, String kind, String code, String message, Double predictedSeconds, double arrivalRatePerSecond) {}
}
