package lab.portexhaustion.dsl;

import static lab.portexhaustion.dsl.MongoDsl.clientPerRequest;
import static lab.portexhaustion.dsl.MongoDsl.mongo;
import static lab.portexhaustion.dsl.MongoDsl.pooled;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.javaapi.core.Simulation;
import org.junit.jupiter.api.Test;

/**
 * A protocol is named after the simulation Gatling runs, the class whose run folder Gatling makes and where the
 * harness writes its files, even when {@code mongo()} is called in a base class that a simulation and its pooled twin
 * share. Named after the base, the run looked for a run folder of the base's name, found none, and ended INCONCLUSIVE
 * with its files unwritten.
 */
class ProtocolNameTest {

  @Test
  void aProtocolBuiltInABaseClassIsNamedAfterTheSimulationThatRuns() {
    assertThat(new CartTwinSimulation().mongo.settings().simulation()).isEqualTo("CartTwinSimulation");
    assertThat(new CartTwinPooledSimulation().mongo.settings().simulation()).isEqualTo("CartTwinPooledSimulation");
  }

  @Test
  void aProtocolBuiltInTheSimulationItselfIsNamedAfterIt() {
    assertThat(new OwnProtocolSimulation().mongo.settings().simulation()).isEqualTo("OwnProtocolSimulation");
  }

  /** The shared workload of a twin pair; each twin says only how it holds its connections. */
  abstract static class CartBase extends Simulation {
    final MongoProtocolBuilder mongo = mongo().connections(connections());

    abstract Connections connections();
  }

  static final class CartTwinSimulation extends CartBase {
    @Override
    Connections connections() {
      return clientPerRequest();
    }
  }

  static final class CartTwinPooledSimulation extends CartBase {
    @Override
    Connections connections() {
      return pooled(4);
    }
  }

  static final class OwnProtocolSimulation extends Simulation {
    final MongoProtocolBuilder mongo = mongo();
  }
}
