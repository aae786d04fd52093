import io.gatling.javaapi.core.Simulation;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.run.HarnessRun;

import static io.gatling.javaapi.core.CoreDsl.scenario;

/** Requests through a new MongoClient per request, closed after it (the anti-pattern). */
public class ClientPerRequestSimulation extends Simulation {

  private final HarnessRun run = HarnessRun.start(Scenario.CLIENT_PER_REQUEST, getClass());

  {
    setUp(scenario("client-per-request")
            .exec(run.request())
            .exec(run.stopWhenExhausted())
            .injectOpen(run.injection()))
        .maxDuration(run.maxDuration());
  }

  @Override
  public void after() {
    run.finish();
  }
}
