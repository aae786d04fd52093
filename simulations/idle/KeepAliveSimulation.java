package idle;

import io.gatling.javaapi.core.Simulation;
import lab.portexhaustion.dsl.MongoProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static lab.portexhaustion.dsl.MongoDsl.*;

/**
 * Connections left open and idle after their request, against a server without an idle timeout:
 * the incident's second failure. The process runs out of descriptors.
 */
public class KeepAliveSimulation extends Simulation {

  private final MongoProtocolBuilder mongo = mongo().connections(keepAliveSockets());

  {
    setUp(scenario("keep-alive")
            .exec(mongo("keep-alive").operationFromSettings())
            .injectOpen(mongo.injection()))
        .protocols(mongo)
        .maxDuration(mongo.maxDuration());
  }
}
