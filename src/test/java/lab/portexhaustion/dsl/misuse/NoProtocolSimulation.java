package lab.portexhaustion.dsl.misuse;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static lab.portexhaustion.dsl.MongoDsl.*;

import io.gatling.javaapi.core.Simulation;
import lab.portexhaustion.dsl.MongoProtocolBuilder;

/** Requests, but no MongoDsl protocol in setUp. For DslMisuseEndToEndIT; the pom keeps the plugin from running it. */
public class NoProtocolSimulation extends Simulation {

  private final MongoProtocolBuilder mongo = mongo().target(embedded());

  {
    setUp(scenario("misuse")
            .exec(mongo("read session").collection("sessions").find("{}"))
            .injectOpen(mongo.injection()))
        .maxDuration(mongo.maxDuration());
  }
}
