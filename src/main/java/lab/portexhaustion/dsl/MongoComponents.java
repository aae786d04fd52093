package lab.portexhaustion.dsl;

import io.gatling.core.CoreComponents;
import io.gatling.core.protocol.ProtocolComponents;
import io.gatling.core.session.Session;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.run.HarnessRun;
import lab.portexhaustion.verdict.Verdict;
import scala.Function0;
import scala.Function1;
import scala.runtime.BoxedUnit;

/**
 * The running side of the protocol: the harness run, finished when Gatling closes its actor system after the load
 * and the simulation's own {@code after()}, before Gatling writes its report: summary, comparison and verdict with
 * no line in the simulation. The verdict sets the JVM's exit code (a failed one, an inconclusive one, a lost target),
 * which takes effect after the report.
 */
final class MongoComponents implements ProtocolComponents {

  private final MongoProtocol protocol;
  private final HarnessRun run;
  private final RequestProblems problems = new RequestProblems();

  MongoComponents(MongoProtocol protocol, HarnessRun run, CoreComponents coreComponents) {
    this.protocol = protocol;
    this.run = run;
    Function0<BoxedUnit> finish = () -> {
      Verdict verdict = run.finish();
      // Gatling's main ends the JVM with its own status once its HTML report is written: the verdict's code replaces
      // it then. This thread, Gatling's main, writes that report next: one the disk cuts is said so, with its own code.
      ProcessExit.endWith(verdict.exitCode());
      run.watchReport(verdict.exitCode());
      return BoxedUnit.UNIT;
    };
    coreComponents.actorSystem().registerOnTermination(finish);
  }

  MongoProtocol protocol() {
    return protocol;
  }

  HarnessRun run() {
    return run;
  }

  /** The problems of the requests built so far, refused together by {@link #onStart()}. */
  RequestProblems problems() {
    return problems;
  }

  /**
   * Gatling asks for this as it ends the build of a scenario, every request of it built and none sent: the edge where
   * the problems its requests have end the JVM, all of them together. The first virtual user's start is then the moment
   * the model predicts.
   */
  @Override
  public Function1<Session, Session> onStart() {
    ProcessExit.exitOnFailure(() -> {
      problems.refuseIfAny(protocol.simulation());
      return null;
    });
    return session -> {
      run.userStarts();
      return session;
    };
  }

  /** Gatling calls this as a virtual user ends, before it counts the user out. */
  @Override
  public Function1<Session, BoxedUnit> onExit() {
    return session -> {
      run.userEnds();
      return BoxedUnit.UNIT;
    };
  }
}
