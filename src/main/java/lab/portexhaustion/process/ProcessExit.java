package lab.portexhaustion.process;

/**
 * The one place the harness ends its JVM, and the table of the codes its programs end with (docs/verdict.md, "Exit
 * codes", has the same table). The rest of the harness throws a {@link ProgramFailure} or returns a {@link Code}, so
 * that it can be run in-process; only the edges call this class: where Gatling calls into the harness (the protocol's
 * build, the end of a scenario's build, the end of the run), the watchdog, and the mains (the launcher's among them).
 *
 * <p>The gatling-maven-plugin turns every status of its fork into {@code mvn}'s 1, so a simulation also writes its
 * code where {@code scripts/lab-test} reads it ({@link ExitRecord}): {@link #begin} records it as crashed, and the
 * code it ends with replaces that.
 */
public final class ProcessExit {

  /** How a harness program ends: a simulation's JVM, {@code scripts/compare}, the embedded server's process. */
  public enum Code {
    /**
     * The program did its job: a simulation whose verdict passed or was not checked, a comparison written, an
     * embedded server told to end.
     */
    DONE(0),
    /** {@code scripts/compare}: a comparison that was not written, or a fleet verdict that failed. */
    COMPARE_FAILED(1),
    /** {@code scripts/compare}: arguments it cannot use, said in one paragraph; nothing written. */
    COMPARE_USAGE(2),
    /**
     * A simulation whose verdict failed, its reports written. Gatling's own code for failed assertions: the
     * gatling-maven-plugin, with {@code continueOnAssertionFailure}, runs the remaining simulations and fails the
     * build at the end, so every simulation still gets its report and its verdict line.
     */
    VERDICT_FAILED(2),
    /**
     * A simulation that did not start (wrong settings, a target that cannot start, a MongoDsl mistake): no load sent,
     * nothing written. Not 2, which the plugin would read as failed assertions and go on to the next simulation with
     * the same bad settings. Also the wrappers' own refusals, before their command runs: the launcher (its script and
     * {@code java -jar}'s), {@code scripts/lab-test}, {@code scripts/fleet-run}.
     */
    SETUP_FAILED(3),
    /** A simulation the watchdog ended: past its bound, or the {@code mvn} that started it gone; its samples kept, no summary. */
    WATCHDOG(4),
    /** A simulation whose target died or stopped answering for the rest of the run: its verdict is inconclusive. */
    TARGET_LOST(5),
    /**
     * A simulation whose evidence is not whole, its target alive: a results file not written, or a machine that could
     * not keep up while its expectations were checked. Its verdict is inconclusive, neither a pass nor the model's fault.
     * Also {@code scripts/compare --merge}'s, for a fleet verdict made inconclusive by such a client.
     */
    INCONCLUSIVE(6),
    /**
     * A simulation whose verdict passed or was not checked, its {@code harness/} files whole, whose Gatling HTML report
     * the disk cut: Gatling's report writer failed for want of room, after the verdict. Not a crash, which Gatling's 1
     * would say of it, and the verdict stands; a failed or inconclusive verdict's code stands over it. The plugin goes on
     * only after 0 or 2, so the batch stops here; {@code scripts/lab-test} ranks a failed verdict earlier in it above.
     */
    REPORT_CUT(7),
    /**
     * Never ended with by the harness: what a JVM ends with when an exception escapes Gatling's main (its "Run
     * crashed"), and what {@code scripts/lab-test} reports for a simulation that began and recorded no end, or a build
     * that failed before any simulation began.
     */
    HARNESS_CRASHED(1);

    private final int status;

    Code(int status) {
      this.status = status;
    }

    /** The process's exit status. */
    public int status() {
      return status;
    }
  }

  /** A step at an edge; it may throw a checked exception of its own, which passes through. */
  @FunctionalInterface
  public interface Step<T, E extends Exception> {
    T run() throws E;
  }

  private ProcessExit() {}

  /**
   * Runs {@code step} where Gatling or a main calls into the harness: its value; or, when it throws a
   * {@link ProgramFailure}, what the failure undoes ({@link ProgramFailure#beforeExit()}), its message alone on
   * standard error (no stack trace: the message says what to do) and the JVM ended with the failure's code. Other
   * exceptions pass: they are faults, whose stack trace is wanted.
   */
  public static <T, E extends Exception> T exitOnFailure(Step<T, E> step) throws E {
    try {
      return step.run();
    } catch (ProgramFailure failure) {
      failure.beforeExit();
      System.err.println(failure.getMessage());
      ExitRecord.fromEnvironment().refused(failure.code());
      exit(failure.code());
      throw failure; // not reached: exit does not return
    }
  }

  /**
   * Names this JVM's program (a simulation) in the exit record, as crashed until it records how it ends: a JVM that
   * ends without passing here again (an exception out of Gatling's main, a kill -9) stays crashed there; one that INT,
   * TERM or HUP ends is recorded with 130, 143 or 129 ({@link InterruptRecord}).
   */
  public static void begin(String program) {
    ExitRecord.fromEnvironment().begin(program);
  }

  /** Ends the JVM now with {@code code}, recorded first. Shutdown hooks run: the embedded server's closes its listener. */
  public static void exit(Code code) {
    ExitRecord.fromEnvironment().end(code);
    flush();
    System.exit(code.status());
  }

  /**
   * Ends the JVM with the status of a command this program ran and waited for ({@code java -jar}'s launcher, whose
   * status is its simulations' own code), as it is: nothing is recorded here, the command's programs recorded theirs.
   * Also the status of a signal the JVM heard, already recorded ({@link InterruptRecord}).
   */
  public static void passOn(int status) {
    flush();
    System.exit(status);
  }

  /**
   * Ends the JVM now with {@code code}, recorded first, without running shutdown hooks: the watchdog's end, when they
   * may be what hangs.
   */
  public static void halt(Code code) {
    ExitRecord.fromEnvironment().end(code);
    flush();
    Runtime.getRuntime().halt(code.status());
  }

  /**
   * Records {@code code} now and makes the JVM end with it when it ends, whatever status it is given then. Gatling's
   * main ends the JVM with its own status once its HTML report is written: the run's code replaces it there, with
   * the report on disk. {@link Code#DONE} only records: Gatling's own status stands, and a report that crashes it
   * (its 1) is the build's to see, but for one a full disk cut, which the run then ends with {@link Code#REPORT_CUT}.
   *
   * <p>Returns false, recording nothing, where the JVM has begun to end already (a signal heard): its end is set then,
   * and the code recorded for it ({@link InterruptRecord}) is not to be replaced.
   */
  public static boolean endWith(Code code) {
    if (code == Code.DONE) {
      if (ending()) {
        return false;
      }
    } else {
      try {
        // The hook first: once it is taken, this code is the JVM's end, and only then is it recorded.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> halt(code), "harness-exit-" + code.status()));
      } catch (IllegalStateException shutdownInProgress) {
        return false;
      }
    }
    ExitRecord.fromEnvironment().end(code);
    return true;
  }

  /**
   * Whether this JVM has begun to end (a signal heard, an exit called): its shutdown hooks run, and no code can be set
   * any longer. The JVM takes no new hook then, which is how this is told.
   */
  public static boolean ending() {
    Thread probe = new Thread(() -> {}, "harness-ending-probe");
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException shutdownInProgress) {
      return true;
    }
  }

  private static void flush() {
    System.out.flush();
    System.err.flush();
  }
}
