package lab.portexhaustion.run;

import java.util.List;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.process.ProgramFailure;

/**
 * A simulation that cannot start (wrong settings, unreachable target, no Docker, a MongoDsl mistake), found before any
 * load and before Gatling creates its run folder. Its message is the reason as plain paragraphs under one heading: a
 * stack trace would bury the one line the user needs. At the edge it ends the JVM with {@link ProcessExit.Code#SETUP_FAILED}.
 */
public final class SetupFailureException extends ProgramFailure {

  private final List<String> paragraphs;

  public SetupFailureException(String simulation, List<String> paragraphs) {
    super(ProcessExit.Code.SETUP_FAILED, text(simulation, paragraphs));
    this.paragraphs = List.copyOf(paragraphs);
  }

  /** The reasons, one paragraph each, as the message gives them. */
  public List<String> paragraphs() {
    return paragraphs;
  }

  private static String text(String simulation, List<String> paragraphs) {
    StringBuilder text = new StringBuilder("\n=== ").append(simulation).append(" did not start; no load was sent ===\n");
    for (String paragraph : paragraphs) {
      text.append('\n').append(paragraph).append('\n');
    }
    return text.toString();
  }
}
