package lab.portexhaustion.dsl;

import io.gatling.core.CoreComponents;
import io.gatling.core.protocol.ProtocolComponents;
import io.gatling.core.session.Session;
import lab.portexhaustion.run.HarnessRun;
import scala.Function0;
import scala.Function1;
import scala.runtime.BoxedUnit;

/**
 * The running side of the protocol: the harness run, started when the first request is built (target, clean start,
 * strategy, sampler), and finished when Gatling closes its actor system after the load and the simulation's own
 * {@code after()}, before Gatling writes its report: summary, comparison and verdict with no line in the simulation.
 */
final class MongoComponents implements ProtocolComponents {

  private final MongoProtocol protocol;
  private final CoreComponents coreComponents;
  private HarnessRun run;

  MongoComponents(MongoProtocol protocol, CoreComponents coreComponents) {
    this.protocol = protocol;
    this.coreComponents = coreComponents;
  }

  MongoProtocol protocol() {
    return protocol;
  }

  /** The run, started on the first call. */
  synchronized HarnessRun run() {
    if (run == null) {
      HarnessRun started = protocol.plan().start();
      Function0<BoxedUnit> finish = () -> {
        started.finish();
        return BoxedUnit.UNIT;
      };
      coreComponents.actorSystem().registerOnTermination(finish);
      run = started;
    }
    return run;
  }

  @Override
  public Function1<Session, Session> onStart() {
    return session -> session;
  }

  @Override
  public Function1<Session, BoxedUnit> onExit() {
    return session -> BoxedUnit.UNIT;
  }
}
