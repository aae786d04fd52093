package lab.portexhaustion.dsl.values;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static lab.portexhaustion.dsl.MongoDsl.autoTarget;
import static lab.portexhaustion.dsl.MongoDsl.keepAliveSockets;
import static lab.portexhaustion.dsl.MongoDsl.mongo;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import lab.portexhaustion.dsl.MongoProtocolBuilder;

/**
 * The keep-alive-server-limit pattern (keep-alive sockets against a server with a descriptor limit of its own) with
 * the simulation's own limit and load, both unlike the scenario's defaults (512 is the built-in simulation's, 50/s the
 * scenario default's): ProtocolValuesEndToEndIT checks that these are what runs. Not one of the product's
 * simulations: the pom keeps the plugin from running it.
 */
public class OwnServerLimitValuesSimulation extends Simulation {

  private final MongoProtocolBuilder mongo = mongo()
      .connections(keepAliveSockets())
      .target(autoTarget().maxDescriptors(2048))
      .load(2, 6, Duration.ofSeconds(1), Duration.ofSeconds(2));

  {
    setUp(scenario("own values")
            .exec(mongo("own values").handshake())
            .injectOpen(mongo.injection()))
        .protocols(mongo)
        .maxDuration(mongo.maxDuration());
  }
}
