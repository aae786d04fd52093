package lab.portexhaustion.verdict;

/**
 * Makes the simulation's JVM end with exit code 2 when its verdict failed. Gatling's main calls
 * {@code System.exit} with its own status after writing the HTML report, so the status is set in
 * a shutdown hook, once the report is on disk. Exit code 2 is what Gatling uses for failed
 * assertions: the gatling-maven-plugin, with {@code continueOnAssertionFailure}, then runs the
 * remaining simulations and fails the build at the end, so every simulation still gets its report
 * and its verdict line.
 */
public final class FailedVerdictExit {

  public static final int EXIT_CODE = 2;

  private FailedVerdictExit() {}

  public static void register() {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.flush();
      System.err.flush();
      Runtime.getRuntime().halt(EXIT_CODE);
    }, "harness-failed-verdict-exit"));
  }
}
