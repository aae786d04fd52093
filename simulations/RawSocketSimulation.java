import io.gatling.javaapi.core.Simulation;
import lab.portexhaustion.dsl.MongoProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static lab.portexhaustion.dsl.MongoDsl.*;

/** Requests through a TCP connection per request carrying one handshake command. */
public class RawSocketSimulation extends Simulation {

  private final MongoProtocolBuilder mongo = mongo().connections(rawSockets());

  {
    setUp(scenario("raw-socket")
            .exec(mongo("raw-socket").operationFromSettings())
            .injectOpen(mongo.injection()))
        .protocols(mongo)
        .maxDuration(mongo.maxDuration());
  }
}
