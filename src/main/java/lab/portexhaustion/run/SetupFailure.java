package lab.portexhaustion.run;

import java.util.List;

/**
 * Ends a simulation that cannot start (wrong settings, unreachable target, no Docker) with the
 * reason as plain paragraphs and a non-zero exit, before any load and before Gatling creates its
 * run folder: a stack trace would bury the one line the user needs. The exit code is not 2,
 * which the gatling-maven-plugin reads as "assertions failed" and would go on to the next
 * simulation with the same bad settings.
 */
final class SetupFailure {

  static final int EXIT_CODE = 3;

  private SetupFailure() {}

  static void exit(String simulation, List<String> paragraphs) {
    StringBuilder text = new StringBuilder("\n=== ").append(simulation).append(" did not start; no load was sent ===\n");
    for (String paragraph : paragraphs) {
      text.append('\n').append(paragraph).append('\n');
    }
    System.err.println(text);
    System.err.flush();
    System.exit(EXIT_CODE);
  }
}
