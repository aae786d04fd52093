package lab.portexhaustion.process;

/**
 * A program that ends the way its argument says, through {@link ProcessExit}: for {@link ProcessExitTest}, which runs
 * it as a process of its own, since what is tested is how a JVM ends.
 */
public final class ExitingMain {

  static final String MESSAGE = "\n=== ExitingMain did not start; no load was sent ===\n\nSetting 'load.startRate' has the value '-3'.\n";

  /** A failure the harness would throw: the message, and the code it ends with. */
  static final class Refused extends ProgramFailure {

    Refused() {
      super(ProcessExit.Code.SETUP_FAILED, MESSAGE);
    }
  }

  private ExitingMain() {}

  public static void main(String[] args) throws InterruptedException {
    switch (args[0]) {
      // As a simulation's protocol does when its settings are refused.
      case "failure" -> ProcessExit.exitOnFailure(() -> {
        throw new Refused();
      });
      // As a simulation whose verdict failed does, before Gatling's main writes its report and ends the JVM with its own
      // status (0).
      case "endWith" -> {
        ProcessExit.begin("ExitingSimulation");
        ProcessExit.endWith(ProcessExit.Code.VERDICT_FAILED);
        System.out.println("report written");
      }
      // As a simulation under load when a TERM or INT reaches its JVM alone: it says it began, then waits (bounded).
      case "awaitSignal" -> {
        ProcessExit.begin("ExitingSimulation");
        System.out.println("began");
        System.out.flush();
        Thread.sleep(30_000);
      }
      // As a run's report cut as a TERM ends the JVM: a code is set while the JVM ends, from one of its shutdown hooks.
      case "endWithAsTermEnds" -> {
        ProcessExit.begin("ExitingSimulation");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessExit.endWith(ProcessExit.Code.REPORT_CUT)));
        System.out.println("began");
        System.out.flush();
        Thread.sleep(30_000);
      }
      // Whether the JVM is ending, asked before it ends and from one of its shutdown hooks.
      case "ending" -> {
        System.out.println("before the end: " + ProcessExit.ending());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("in a hook: " + ProcessExit.ending())));
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
  }
}
