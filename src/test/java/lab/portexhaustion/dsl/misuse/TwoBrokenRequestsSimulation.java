package lab.portexhaustion.dsl.misuse;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static lab.portexhaustion.dsl.MongoDsl.*;

import io.gatling.javaapi.core.Simulation;
import lab.portexhaustion.dsl.MongoProtocolBuilder;

/** Two requests, each with a mistake of its own. For DslMisuseEndToEndIT; the pom keeps the plugin from running it. */
public class TwoBrokenRequestsSimulation extends Simulation {

  private final MongoProtocolBuilder mongo = mongo().target(embedded());

  {
    setUp(scenario("misuse")
            .exec(mongo("read session").collection("sessions").find("{_id: 'a'"))
            .exec(mongo("save session").collection("").insertOne("{_id: 'a'}"))
            .injectOpen(mongo.injection()))
        .protocols(mongo)
        .maxDuration(mongo.maxDuration());
  }
}
