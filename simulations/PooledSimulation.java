import io.gatling.javaapi.core.Simulation;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.run.HarnessRun;

import static io.gatling.javaapi.core.CoreDsl.scenario;

/** Requests through one shared MongoClient and its pool. */
public class PooledSimulation extends Simulation {

  private final HarnessRun run = HarnessRun.start(Scenario.POOLED, getClass());

  {
    setUp(scenario("pooled")
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
