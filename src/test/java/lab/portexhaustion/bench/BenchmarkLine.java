package lab.portexhaustion.bench;

/**
 * One line of the benchmark table: the measured side and what it is held against (a baseline
 * measured in the same run, or a fixed target), and whether the target is met.
 *
 * @param measured the harness's figure (or the only figure), over its repetitions
 * @param baseline the bare figure measured side by side, or null where the line has none
 * @param ratio measured median over baseline median, or over the target where there is no baseline
 * @param target the target as text, such as "ratio >= 0.90", or "none"
 */
record BenchmarkLine(String name, String unit, Spread measured, Spread baseline, double ratio, String target, Outcome outcome,
    String note) {

  enum Outcome { MET, MISSED, NO_TARGET }

  boolean met() {
    return outcome != Outcome.MISSED;
  }

  static BenchmarkLine higherIsBetter(String name, String unit, Spread harness, Spread bare, double atLeast, String note) {
    double ratio = harness.median() / bare.median();
    return new BenchmarkLine(name, unit, harness, bare, ratio, String.format("ratio >= %.2f", atLeast), outcome(ratio >= atLeast), note);
  }

  static BenchmarkLine lowerIsBetter(String name, String unit, Spread harness, Spread bare, double atMost, String note) {
    double ratio = harness.median() / bare.median();
    return new BenchmarkLine(name, unit, harness, bare, ratio, String.format("ratio <= %.2f", atMost), outcome(ratio <= atMost), note);
  }

  /** A figure held against a fixed bound rather than a baseline; the ratio is figure / bound. */
  static BenchmarkLine againstBound(String name, String unit, Spread measured, double bound, String note) {
    double ratio = measured.median() / bound;
    return new BenchmarkLine(name, unit, measured, null, ratio, String.format("<= %s %s", trim(bound), unit), outcome(ratio <= 1.0), note);
  }

  /** Harness against baseline where the issue sets no target: printed for information. */
  static BenchmarkLine forInformation(String name, String unit, Spread harness, Spread bare, String note) {
    return new BenchmarkLine(name, unit, harness, bare, harness.median() / bare.median(), "none", Outcome.NO_TARGET, note);
  }

  private static Outcome outcome(boolean met) {
    return met ? Outcome.MET : Outcome.MISSED;
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
