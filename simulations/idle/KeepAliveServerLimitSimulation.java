package idle;

import io.gatling.javaapi.core.Simulation;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.run.HarnessRun;

import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * The incident's second failure where it happened: keep-alive clients leave their connections
 * idle on a server with 512 descriptors of its own and no idle timeout. The server runs out
 * (its accept fails with EMFILE), new clients time out, and the clients' own process stays far
 * from its limit.
 */
public class KeepAliveServerLimitSimulation extends Simulation {

  private final HarnessRun run = HarnessRun.start(Scenario.KEEP_ALIVE_SERVER_LIMIT, getClass());

  {
    setUp(scenario("keep-alive-server-limit")
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
