package lab.portexhaustion.process;

/**
 * The one place the harness ends its JVM, and the table of the codes its programs end with (docs/verdict.md, "Exit
 * codes", has the same table). The rest of the harness throws a {@link ProgramFailure} or returns a {@link Code}, so
 * that it can be run in-process; only the edges call this class: where Gatling calls into the harness (the protocol's
 * build, a request's build, the end of the run), the watchdog, and the mains.
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
     * the same bad settings.
     */
    SETUP_FAILED(3),
    /** A simulation the watchdog ended: past its bound, or the {@code mvn} that started it gone; its samples kept, no summary. */
    WATCHDOG(4);

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
   * {@link ProgramFailure}, the failure's message alone on standard error (no stack trace: the message says what to
   * do) and the JVM ended with the failure's code. Other exceptions pass: they are faults, whose stack trace is wanted.
   */
  public static <T, E extends Exception> T exitOnFailure(Step<T, E> step) throws E {
    try {
      return step.run();
    } catch (ProgramFailure failure) {
      System.err.println(failure.getMessage());
      exit(failure.code());
      throw failure; // not reached: exit does not return
    }
  }

  /** Ends the JVM now with {@code code}. Shutdown hooks run: the embedded server's closes its listener. */
  public static void exit(Code code) {
    flush();
    System.exit(code.status());
  }

  /** Ends the JVM now with {@code code}, without running shutdown hooks: the watchdog's end, when they may be what hangs. */
  public static void halt(Code code) {
    flush();
    Runtime.getRuntime().halt(code.status());
  }

  /**
   * Makes the JVM end with {@code code} when it ends, whatever status it is given then. Gatling's main ends the JVM
   * with its own status once its HTML report is written: a failed verdict's code replaces it there, with the report
   * on disk.
   */
  public static void atShutdown(Code code) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> halt(code), "harness-exit-" + code.status()));
  }

  private static void flush() {
    System.out.flush();
    System.err.flush();
  }
}
