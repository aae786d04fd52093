package idle;

import io.gatling.javaapi.core.Simulation;
import lab.portexhaustion.dsl.MongoProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static lab.portexhaustion.dsl.MongoDsl.*;

/**
 * A new MongoClient per request that is never closed: the leak. Each one keeps its connections
 * open and idle; the process runs out of descriptors. Against the same select-server as keep-alive,
 * and for the same reason: the client must run out before the server refuses.
 */
public class LeakedClientSimulation extends Simulation {

  private final MongoProtocolBuilder mongo = mongo().connections(leakedClient());

  {
    setUp(scenario("leaked-client")
            .exec(mongo("leaked-client").operationFromSettings())
            .injectOpen(mongo.injection()))
        .protocols(mongo)
        .maxDuration(mongo.maxDuration());
  }
}
