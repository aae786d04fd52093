package idle;

import io.gatling.javaapi.core.Simulation;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.run.HarnessRun;

import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * A new MongoClient per request that is never closed: the leak. Each one keeps its connections
 * open and idle; the process runs out of descriptors.
 */
public class LeakedClientSimulation extends Simulation {

  private final HarnessRun run = HarnessRun.start(Scenario.LEAKED_CLIENT, getClass());

  {
    setUp(scenario("leaked-client")
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
