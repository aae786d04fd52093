package idle;

import io.gatling.javaapi.core.Simulation;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.run.HarnessRun;

import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Connections left open and idle after their request, against a server without an idle timeout:
 * the incident's second failure. The process runs out of descriptors.
 */
public class KeepAliveSimulation extends Simulation {

  private final HarnessRun run = HarnessRun.start(Scenario.KEEP_ALIVE, getClass());

  {
    setUp(scenario("keep-alive")
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
