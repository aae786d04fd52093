import io.gatling.javaapi.core.Simulation;
import lab.portexhaustion.dsl.MongoProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static lab.portexhaustion.dsl.MongoDsl.*;

/** Requests through one shared MongoClient and its pool. */
public class PooledSimulation extends Simulation {

  private final MongoProtocolBuilder mongo = mongo().connections(pooled());

  {
    setUp(scenario("pooled")
            .exec(mongo("pooled").operationFromSettings())
            .injectOpen(mongo.injection()))
        .protocols(mongo)
        .maxDuration(mongo.maxDuration());
  }
}
