package lab.portexhaustion.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.portexhaustion.model.Prediction;
import lab.portexhaustion.verdict.Evidence;
import lab.portexhaustion.verdict.Verdict;

/**
 * {@code comparison.json}: the runs side by side. Everything in it comes from the run folders,
 * so regenerating it from the same folders gives the same file. docs/results.md documents each field; what a run did
 * not record, or that does not apply to it, is empty here and null in the file.
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
   * @param scenario the scenario's name, with the time its run started where two runs of the comparison share a scenario
   *     ({@link RunNames}); empty for runs recorded before scenarios existed
   * @param gatlingReport the run's Gatling report (its index.html), relative to the comparison's folder; empty where the
   *     run's folder has none: Gatling writes it after the harness's files, and an interruption or a full disk then
   *     leaves the run without it
   * @param prediction the model's prediction the verdict used: with the measured figure (per visit, or a pool's
   *     plateau) where there was one; empty where nothing was modelled
   * @param portsPerVisit ports each visit took, measured (a visit: one virtual user running its scenario once)
   * @param predictedKneeVisitsPerSecond the visit rate the range keeps up, as the verdict's prediction gives it (the free
   *     ports, by the measured ports per visit); the whole range's where that prediction is not of ports
   * @param measuredKneeVisitsPerSecond the visit rate the range actually absorbed before the onset
   * @param notBuilt of the KO, the requests the simulation could not build (nothing sent); empty in runs recorded before
   *     they were counted
   * @param verdictStatus the verdict's word: PASS, FAIL, INCONCLUSIVE (the evidence could not say) or INFO
   * @param evidence what the run knew of its own evidence, as its summary.json has it; empty in runs recorded before
   */
  public record Row(
      String simulation,
      Optional<String> scenario,
      String strategy,
      String runFolder,
      Optional<String> gatlingReport,
      Conditions conditions,
      long ok,
      long ko,
      double koPercent,
      Optional<Long> notBuilt,
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
      Optional<Double> portsPerVisit,
      int peakOpenTowardTarget,
      Optional<Double> expectedOpenTowardTarget,
      long peakDescriptorsOpen,
      Optional<Long> serverPeakDescriptorsOpen,
      Optional<Long> serverDescriptorLimit,
      Optional<String> serverLimits,
      Optional<Onset> onset,
      Optional<Prediction> prediction,
      Optional<Double> predictedKneeVisitsPerSecond,
      Optional<Double> measuredKneeVisitsPerSecond,
      String verdict,
      boolean verdictPassed,
      Verdict.Status verdictStatus,
      Optional<Evidence> evidence) {

    /** The column's name: the scenario, or for runs recorded before scenarios existed, the strategy. */
    public String label() {
      return scenario.orElse(strategy);
    }

    /** The requests of one visit, as the model counted them; empty for runs recorded before it did. */
    public Optional<Integer> requestsPerVisit() {
      return prediction.map(Prediction::requestsPerVisit).filter(requests -> requests > 0);
    }

    /**
     * The requests of one visit as the table gives them: as counted ("3"), and beside it what the run measured where
     * that is more than a tenth away (a loop, counted once, goes round several times): "2 counted, 4.0 measured".
     */
    public String requestsPerVisitText() {
      Optional<Double> measured = onset.flatMap(Onset::requestsPerVisit);
      return requestsPerVisit().map(counted -> measured.filter(m -> Math.abs(m - counted) > 0.1 * counted)
              .map(m -> String.format("%d counted, %.1f measured", counted, m)).orElse(String.valueOf(counted)))
          .orElse("n/a");
    }
  }

  /** What the run ran under. */
  public record Conditions(String os, int rangeLow, int rangeHigh, int rangeSize, long timeWaitSeconds, Optional<Integer> tcpTwReuse,
      Optional<Long> descriptorLimit, boolean contained, String targetKind, String targetServer, String targetVersion,
      String harnessVersion, String gitCommit) {}

  /**
   * The first exhaustion-class failure of a run that had one; {@code visitRatePerSecond}, what the profile asked for then;
   * {@code requestsPerVisit}, the requests a visit sent before it, as measured (empty in runs recorded before).
   */
  public record Onset(double elapsedSeconds, Optional<String> side, long requestsStarted, int portsInUseTowardTarget, int openTowardTarget,
      Optional<Long> descriptorsOpen, Optional<Long> serverDescriptorsOpen, String kind, String code, String message,
      Optional<Double> predictedSeconds, double visitRatePerSecond, Optional<Double> requestsPerVisit) {}
}
