package lab.portexhaustion.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.run.HarnessRun;

/**
 * The harness side of a throughput line: the strategy through Gatling and the harness (action,
 * workers, recorder, sampler at its defaults) at a fixed concurrency, each virtual user sending
 * one request after the other, so it compares with {@link BareLoop} at the same concurrency.
 * Not one of the product's simulations: the pom keeps the plugin from running it.
 */
public class HarnessThroughputSimulation extends Simulation {

  private final HarnessRun run = HarnessRun.start(Scenario.valueOf(System.getProperty("bench.scenario")), getClass());
  private final Duration length = Duration.ofSeconds(Long.getLong("bench.seconds"));

  {
    setUp(scenario("bench")
            .during(length).on(exec(run.request()))
            .injectOpen(atOnceUsers(Integer.getInteger("bench.concurrency"))))
        .maxDuration(length.plusSeconds(10));
  }

  @Override
  public void after() {
    run.finish();
  }
}
