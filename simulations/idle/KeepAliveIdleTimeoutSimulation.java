package idle;

import io.gatling.javaapi.core.Simulation;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.run.HarnessRun;

import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * The same idle connections against a server that closes them after its idle timeout (the
 * incident's fix): open connections stay near arrival rate x idle timeout.
 */
public class KeepAliveIdleTimeoutSimulation extends Simulation {

  private final HarnessRun run = HarnessRun.start(Scenario.KEEP_ALIVE_IDLE_TIMEOUT, getClass());

  {
    setUp(scenario("keep-alive-idle-timeout")
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
