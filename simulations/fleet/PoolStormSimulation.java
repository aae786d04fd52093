package fleet;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import lab.portexhaustion.dsl.MongoProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static lab.portexhaustion.dsl.MongoDsl.*;

/**
 * A healthy pooled service that warms its pool: 20 connections from its start, and the driver's two monitoring
 * connections (streaming), 22 in all, against a server that takes 77. On its own it fits; a fleet of them joining one
 * after another (scripts/fleet-run --server-connections 77) fills the server, and it refuses the fourth. The server fails
 * as mongod does (embedded.failureMode=mongod, the default): it accepts the connection past its 77 and closes it, and the
 * client reads the closed connection at once.
 */
public class PoolStormSimulation extends Simulation {

  private final MongoProtocolBuilder mongo = mongo()
      .connections(pooled(20).minPoolSize(20))
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
