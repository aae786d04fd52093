package lab.portexhaustion.dsl.misuse;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static lab.portexhaustion.dsl.MongoDsl.*;

import io.gatling.javaapi.core.Simulation;
import lab.portexhaustion.dsl.MongoProtocolBuilder;

/** A filter that refers to a session key no feeder sets. For DslMisuseEndToEndIT; the pom keeps the plugin from running it. */
public class MissingSessionKeySimulation extends Simulation {

  private final MongoProtocolBuilder mongo = mongo().target(embedded());

  {
    setUp(scenario("misuse")
            .exec(mongo("read session").collection("sessions").find("{_id: '#{user}'}"))
            .injectOpen(mongo.injection()))
        .protocols(mongo)
        .maxDuration(mongo.maxDuration());
  }
}
