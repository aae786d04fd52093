import io.gatling.javaapi.core.Simulation;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.run.HarnessRun;

import static io.gatling.javaapi.core.CoreDsl.scenario;

/** Requests through a TCP connection per request carrying one handshake command. */
public class RawSocketSimulation extends Simulation {

  private final HarnessRun run = HarnessRun.start(Scenario.RAW_SOCKET, getClass());

  {
    setUp(scenario("raw-socket")
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
