package idle;

import io.gatling.javaapi.core.Simulation;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.run.HarnessRun;

import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * The same load against the same 512-descriptor server with an idle timeout (the incident's fix):
 * the connections it closes give it its descriptors back, and the run stays clean.
 */
public class KeepAliveServerLimitIdleTimeoutSimulation extends Simulation {

  private final HarnessRun run = HarnessRun.start(Scenario.KEEP_ALIVE_SERVER_LIMIT_IDLE_TIMEOUT, getClass());

  {
    setUp(scenario("keep-alive-server-limit-idle-timeout")
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
