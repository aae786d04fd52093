package idle;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import lab.portexhaustion.dsl.MongoProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static lab.portexhaustion.dsl.MongoDsl.*;

/**
 * The same keep-alive clients against the same 512-descriptor server with the incident's fix, an
 * idle timeout (15 minutes then, 5 s here): the server keeps about arrival rate x timeout
 * connections and never runs out. The same kind of server as its twin: select-server.
 */
public class KeepAliveServerLimitIdleTimeoutSimulation extends Simulation {

  private final MongoProtocolBuilder mongo = mongo().connections(keepAliveSockets())
      .target(autoTarget().maxDescriptors(512).idleTimeout(Duration.ofSeconds(5)));

  {
    setUp(scenario("keep-alive-server-limit-idle-timeout")
            .exec(mongo("keep-alive-server-limit-idle-timeout").operationFromSettings())
            .injectOpen(mongo.injection()))
        .protocols(mongo)
        .maxDuration(mongo.maxDuration());
  }
}
