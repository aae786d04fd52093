package idle;

import io.gatling.javaapi.core.Simulation;
import lab.portexhaustion.dsl.MongoProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static lab.portexhaustion.dsl.MongoDsl.*;

/**
 * Connections left open and idle after their request, against a server without an idle timeout:
 * the incident's second failure. The process runs out of descriptors. The server is the incident's
 * kind (embedded.failureMode=select-server, from the scenario's block), which holds every connection
 * its descriptors allow, so the client runs out first: one failing as mongod would refuse past 80 %
 * of the same limit, before the client's descriptors are gone.
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
