package lab.portexhaustion.run;

import java.util.List;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.process.ProgramFailure;
import lab.portexhaustion.record.GatlingLaunch;

/**
 * A simulation that cannot start (wrong settings, unreachable target, no Docker, a MongoDsl mistake), found before any
 * load and before Gatling creates its run folder. Its message is the reason as plain paragraphs under one heading: a
 * stack trace would bury the one line the user needs. At the edge it ends the JVM with {@link ProcessExit.Code#SETUP_FAILED}.
 */
public final class SetupFailureException extends ProgramFailure {

  private final String simulation;
  private final List<String> paragraphs;

  public SetupFailureException(String simulation, List<String> paragraphs) {
    super(ProcessExit.Code.SETUP_FAILED, text(simulation, paragraphs));
    this.simulation = simulation;
    this.paragraphs = List.copyOf(paragraphs);
  }

  /**
   * A failure of the simulation this JVM was launched to run, named by its class's simple name as Gatling was given it
   * ("The simulation" when the launch names none): for a mistake found where the harness has no simulation at hand.
   */
  public static SetupFailureException ofThisJvmsSimulation(List<String> paragraphs) {
    String simulation = GatlingLaunch.simulationOfThisJvm().map(SimulationClassCheck::simpleNameOf).orElse("The simulation");
    return new SetupFailureException(simulation, paragraphs);
  }

  /** The reasons, one paragraph each, as the message gives them. */
  public List<String> paragraphs() {
    return paragraphs;
  }

  /**
   * A mistake found as Gatling builds the simulation's requests comes after Gatling made the run's folder (with an
   * empty {@code simulation.log}): that folder goes, so that a simulation that did not start leaves nothing behind.
   */
  @Override
  protected void beforeExit() {
    RunFolder.removeUnused(simulation);
  }

  private static String text(String simulation, List<String> paragraphs) {
    StringBuilder text = new StringBuilder("\n=== ").append(simulation).append(" did not start; no load was sent ===\n");
    for (String paragraph : paragraphs) {
      text.append('\n').append(paragraph).append('\n');
    }
    return text.toString();
  }
}
