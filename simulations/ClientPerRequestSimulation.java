import io.gatling.javaapi.core.Simulation;
import lab.portexhaustion.dsl.MongoProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static lab.portexhaustion.dsl.MongoDsl.*;

/** Requests through a new MongoClient per request, closed after it (the anti-pattern). */
public class ClientPerRequestSimulation extends Simulation {

  private final MongoProtocolBuilder mongo = mongo().connections(clientPerRequest());

  {
    setUp(scenario("client-per-request")
            .exec(mongo("client-per-request").operationFromSettings())
            .injectOpen(mongo.injection()))
        .protocols(mongo)
        .maxDuration(mongo.maxDuration());
  }
}
