package fleet;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import lab.portexhaustion.dsl.MongoProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static lab.portexhaustion.dsl.MongoDsl.*;

/**
 * The pool storm's fix: the same service and load with a pool that opens connections as requests need them (no
 * minimum, at most 5, one opened at a time) and a polling monitor (one monitoring connection, not two). A fleet of
 * them holds a few connections each, far below the server's 77. The server fails as mongod does
 * (embedded.failureMode=mongod, the default), as in the storm itself: the fix is measured against the server that
 * refused the storm, so that a clean run shows the fix and not a server that fails some other way.
 */
public class PoolStormFixSimulation extends Simulation {

  private final MongoProtocolBuilder mongo = mongo()
      .connections(pooled(5).maxConnecting(1).pollingMonitor())
      .target(autoTarget().maxIncomingConnections(77))
      .load(2, 5, Duration.ofSeconds(5), Duration.ofSeconds(20));

  {
    setUp(scenario("pool-storm")
            .exec(mongo("pool-storm").operationFromSettings())
            .injectOpen(mongo.injection()))
        .protocols(mongo)
        .maxDuration(mongo.maxDuration());
  }
}
