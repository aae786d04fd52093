package lab.portexhaustion.run;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static lab.portexhaustion.dsl.MongoDsl.*;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import lab.portexhaustion.dsl.MongoProtocolBuilder;

/** A short MongoDsl simulation for InProcessRunIT, which runs it inside its own JVM; the pom keeps the plugin from running it. */
public class InProcessSimulation extends Simulation {

  private final MongoProtocolBuilder mongo = mongo()
      .target(embedded())
      .connections(pooled())
      .expect(anything())
      .load(5, 20, Duration.ofSeconds(1), Duration.ofSeconds(2));

  {
    setUp(scenario("in-process")
            .exec(mongo("read session").collection("sessions").find("{_id: 'a'}"))
            .injectOpen(mongo.injection()))
        .protocols(mongo)
        .maxDuration(mongo.maxDuration());
  }
}
