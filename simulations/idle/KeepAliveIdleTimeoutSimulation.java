package idle;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import lab.portexhaustion.dsl.MongoProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static lab.portexhaustion.dsl.MongoDsl.*;

/**
 * The same idle connections against a server that closes them after its idle timeout (the
 * incident's fix): open connections stay near arrival rate x idle timeout. The incident's kind of
 * server (select-server), as in the other idle-connection scenarios.
 */
public class KeepAliveIdleTimeoutSimulation extends Simulation {

  private final MongoProtocolBuilder mongo = mongo().connections(keepAliveSockets())
      .target(autoTarget().idleTimeout(Duration.ofSeconds(5)));

  {
    setUp(scenario("keep-alive-idle-timeout")
            .exec(mongo("keep-alive-idle-timeout").operationFromSettings())
            .injectOpen(mongo.injection()))
        .protocols(mongo)
        .maxDuration(mongo.maxDuration());
  }
}
