package lab.portexhaustion.dsl;

import io.gatling.core.CoreComponents;
import io.gatling.core.config.GatlingConfiguration;
import io.gatling.core.protocol.Protocol;
import io.gatling.core.protocol.ProtocolKey;
import java.util.List;
import lab.portexhaustion.config.StrategyKind;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.run.HarnessPlan;
import lab.portexhaustion.run.HarnessRun;
import lab.portexhaustion.run.SetupFailureException;
import scala.Function1;

/**
 * The protocol a simulation sets with {@code setUp(...).protocols(mongo()...)}: the run's plan (target, connection
 * pattern, expectation, validated settings) and the harness run started from it. Gatling asks its {@link #KEY} for
 * the components when it builds the first MongoDB request; they tie the run's end to Gatling's.
 */
final class MongoProtocol implements Protocol {

  static final ProtocolKey<MongoProtocol, MongoComponents> KEY = new ProtocolKey<>() {
    @Override
    @SuppressWarnings("unchecked")
    public Class<Protocol> protocolClass() {
      return (Class<Protocol>) (Class<?>) MongoProtocol.class;
    }

    /** Gatling asks for this when no protocol was set: the edge where the simulation is refused before any load. */
    @Override
    public MongoProtocol defaultProtocolValue(GatlingConfiguration configuration) {
      return ProcessExit.exitOnFailure(MongoProtocol::noProtocolSet);
    }

    @Override
    public Function1<MongoProtocol, MongoComponents> newComponents(CoreComponents coreComponents) {
      return protocol -> protocol.components(coreComponents);
    }
  };

  private final HarnessPlan plan;
  private final StrategyKind connections;
  private final HarnessRun run;
  private MongoComponents components;

  MongoProtocol(HarnessPlan plan, StrategyKind connections, HarnessRun run) {
    this.plan = plan;
    this.connections = connections;
    this.run = run;
  }

  /** One set of components per run, whichever scenario asks first (Gatling asks once per scenario). */
  private synchronized MongoComponents components(CoreComponents coreComponents) {
    if (components == null) {
      components = new MongoComponents(this, run, coreComponents);
    }
    return components;
  }

  HarnessPlan plan() {
    return plan;
  }

  String simulation() {
    return plan.simulation();
  }

  boolean usesDriver() {
    return connections != StrategyKind.RAW_SOCKET && connections != StrategyKind.KEEP_ALIVE;
  }

  String connectionsName() {
    return connections.configName();
  }

  /**
   * A simulation that sends MongoDB requests without a MongoDB protocol cannot run. Gatling asks for the protocol after
   * it made the run's folder; the failure, named after the simulation Gatling was given, removes that folder as it ends.
   */
  private static MongoProtocol noProtocolSet() {
    throw SetupFailureException.ofThisJvmsSimulation(List.of("It sends MongoDB requests but sets no MongoDB protocol: build one"
        + " with MongoDsl.mongo() (its target, connections and expectation) and give it to setUp(...).protocols(...), as"
        + " docs/dsl.md shows. The protocol is what starts the target and the port sampler and gives the verdict."));
  }
}
