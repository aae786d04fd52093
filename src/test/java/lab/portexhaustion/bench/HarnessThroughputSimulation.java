package lab.portexhaustion.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static lab.portexhaustion.dsl.MongoDsl.clientPerRequest;
import static lab.portexhaustion.dsl.MongoDsl.mongo;
import static lab.portexhaustion.dsl.MongoDsl.pooled;
import static lab.portexhaustion.dsl.MongoDsl.rawSockets;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.dsl.Connections;
import lab.portexhaustion.dsl.MongoProtocolBuilder;

/**
 * The harness side of a throughput line: the strategy through Gatling, the MongoDsl protocol and request, and the
 * harness (action, workers, recorder, sampler at its defaults) at a fixed concurrency, each virtual user sending
 * one request after the other, so it compares with {@link BareLoop} at the same concurrency.
 * Not one of the product's simulations: the pom keeps the plugin from running it.
 */
public class HarnessThroughputSimulation extends Simulation {

  private final Scenario measured = Scenario.valueOf(System.getProperty("bench.scenario"));
  private final MongoProtocolBuilder mongo = mongo().connections(connections(measured));
  private final Duration length = Duration.ofSeconds(Long.getLong("bench.seconds"));

  {
    setUp(scenario("bench")
            .during(length).on(exec(mongo(measured.configName()).operationFromSettings()))
            .injectOpen(atOnceUsers(Integer.getInteger("bench.concurrency"))))
        .protocols(mongo)
        .maxDuration(length.plusSeconds(10));
  }

  private static Connections connections(Scenario scenario) {
    return switch (scenario) {
      case POOLED -> pooled();
      case CLIENT_PER_REQUEST -> clientPerRequest();
      case RAW_SOCKET -> rawSockets();
      default -> throw new IllegalArgumentException("no throughput line for " + scenario);
    };
  }
}
