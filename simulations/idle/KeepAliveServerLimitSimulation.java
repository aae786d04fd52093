package idle;

import io.gatling.javaapi.core.Simulation;
import lab.portexhaustion.dsl.MongoProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static lab.portexhaustion.dsl.MongoDsl.*;

/**
 * The incident's second failure where it happened: keep-alive clients leave their connections
 * idle on a server with 512 descriptors of its own and no idle timeout. The server runs out
 * (its accept fails with EMFILE), new clients time out, and the clients' own process stays far
 * from its limit. The server fails as the incident's did (embedded.failureMode=select-server, from
 * the scenario's block in harness-defaults.conf): a select() web server takes connections until
 * accept fails; mongod would refuse past its cap instead, and its clients would read closed
 * connections, not time out.
 */
public class KeepAliveServerLimitSimulation extends Simulation {

  private final MongoProtocolBuilder mongo = mongo().connections(keepAliveSockets())
      .target(autoTarget().maxDescriptors(512));

  {
    setUp(scenario("keep-alive-server-limit")
            .exec(mongo("keep-alive-server-limit").operationFromSettings())
            .injectOpen(mongo.injection()))
        .protocols(mongo)
        .maxDuration(mongo.maxDuration());
  }
}
