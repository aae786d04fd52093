package lab.portexhaustion.dsl.misuse;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static lab.portexhaustion.dsl.MongoDsl.*;

import io.gatling.javaapi.core.Simulation;
import lab.portexhaustion.dsl.MongoProtocolBuilder;

/** A request with an empty collection name. For DslMisuseEndToEndIT; the pom keeps the plugin from running it. */
public class EmptyCollectionSimulation extends Simulation {

  private final MongoProtocolBuilder mongo = mongo().target(embedded());

  {
    setUp(scenario("misuse")
            .exec(mongo("read session").collection("").find("{}"))
            .injectOpen(mongo.injection()))
        .protocols(mongo)
        .maxDuration(mongo.maxDuration());
  }
}
