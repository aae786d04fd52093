package lab.portexhaustion.dsl;

import com.mongodb.MongoClientSettings;
import io.gatling.core.protocol.Protocol;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ProtocolBuilder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.run.HarnessPlan;
import lab.portexhaustion.strategy.ClientSettingsHook;

/**
 * The MongoDB protocol of a simulation, made with {@link MongoDsl#mongo()} and set once with
 * {@code setUp(...).protocols(...)}: where the load goes, how connections are held, what the verdict expects, and
 * the load profile. Every value here is a default: the settings file ({@code harness.conf}) and {@code -D} override
 * it. Immutable: every method returns a new builder.
 *
 * <p>Setting the protocol is all it takes to get the instruments: the settings are validated, and the target, clean
 * start, port sampler and onset detection started, when {@code setUp(...).protocols(...)} takes it; the summary,
 * comparison and verdict follow the load.
 */
public final class MongoProtocolBuilder implements ProtocolBuilder {

  private final String simulation;
  private final Target target;
  private final Connections connections;
  private final Expect expect;
  private final ClientSettingsHook hook;
  private final Map<String, String> load;
  private HarnessPlan plan; // derived from the fields above, once
  private MongoProtocol protocol; // started once, however often Gatling asks

  MongoProtocolBuilder(String simulation) {
    this(simulation, MongoDsl.autoTarget(), MongoDsl.pooled(), null, ClientSettingsHook.NONE, Map.of());
  }

  private MongoProtocolBuilder(String simulation, Target target, Connections connections, Expect expect, ClientSettingsHook hook,
      Map<String, String> load) {
    this.simulation = simulation;
    this.target = target;
    this.connections = connections;
    this.expect = expect;
    this.hook = hook;
    this.load = Map.copyOf(load);
  }

  /** Where the load goes: {@link MongoDsl#autoTarget()} (the default), {@code embedded()}, {@code container()} or {@code uri(...)}. */
  public MongoProtocolBuilder target(Target newTarget) {
    return new MongoProtocolBuilder(simulation, newTarget, connections, expect, hook, load);
  }

  /**
   * How requests hold their connections: {@link MongoDsl#pooled()} (the default), {@code clientPerRequest()},
   * {@code leakedClient()}, {@code rawSockets()} or {@code keepAliveSockets()}.
   */
  public MongoProtocolBuilder connections(Connections newConnections) {
    return new MongoProtocolBuilder(simulation, target, newConnections, expect, hook, load);
  }

  /**
   * Changes to every MongoClientSettings the harness builds for this simulation (pooled, per request or leaked),
   * applied after the harness's timeouts and pool settings, so they win; the harness's own listeners are added after
   * them. Called on the thread that makes the client: the run's start for a pool, a request's worker otherwise.
   */
  public MongoProtocolBuilder clientSettings(Consumer<MongoClientSettings.Builder> changes) {
    return new MongoProtocolBuilder(simulation, target, connections, expect, ClientSettingsHook.of(changes), load);
  }

  /**
   * What the verdict expects: {@link MongoDsl#modelPrediction()} (the default: what the model predicts for this
   * run), {@code clean()}, {@code exhaustion()} or {@code anything()}.
   */
  public MongoProtocolBuilder expect(Expect expectation) {
    return new MongoProtocolBuilder(simulation, target, connections, expectation, hook, load);
  }

  /**
   * The arrival profile of {@link #injection()}: new virtual users per second from {@code startRate} to
   * {@code peakRate} over {@code rampTime}, then {@code peakRate} for {@code holdTime} (the {@code load.*} settings).
   */
  public MongoProtocolBuilder load(double startRate, double peakRate, Duration rampTime, Duration holdTime) {
    Map<String, String> next = new LinkedHashMap<>(load);
    next.put("load.startRate", String.valueOf(startRate));
    next.put("load.peakRate", String.valueOf(peakRate));
    next.put("load.rampTime", rampTime.toMillis() + "ms");
    next.put("load.holdTime", holdTime.toMillis() + "ms");
    return new MongoProtocolBuilder(simulation, target, connections, expect, hook, next);
  }

  /**
   * The injection profile the model predicts from (see {@link #load}); give it to {@code injectOpen(...)}. Another
   * profile runs, but the prediction, and so the verdict, would be about this one.
   */
  public List<OpenInjectionStep> injection() {
    return plan().injection();
  }

  /** The run's bound ({@code load.maxDuration}); give it to {@code setUp(...).maxDuration(...)}. */
  public Duration maxDuration() {
    return plan().maxDuration();
  }

  /**
   * The protocol, with the harness started: target, clean start, strategy and port sampler, while the simulation is
   * built (as Gatling calls this from {@code setUp(...).protocols(...)}), so a target that cannot start ends the run
   * before Gatling creates its results folder.
   */
  @Override
  public synchronized Protocol protocol() {
    if (protocol == null) {
      HarnessPlan started = plan();
      protocol = ProcessExit.exitOnFailure(() -> new MongoProtocol(started, connections.kind(), started.start()));
    }
    return protocol;
  }

  /** The plan, made when the simulation first asks (injection, bound or protocol): invalid settings end the JVM there. */
  private synchronized HarnessPlan plan() {
    if (plan == null) {
      plan = ProcessExit.exitOnFailure(() -> HarnessPlan.of(scenario(), simulation, values(), hook));
    }
    return plan;
  }

  /**
   * The harness scenario this protocol reproduces: its connection pattern; for a pool, whether the server has a
   * connection limit (the pool storm); for keep-alive sockets, whether the server closes idle connections and whether it
   * has a descriptor limit of its own. It names the settings block ({@code scenario.<name>}), the verdict key
   * ({@code verdict.<name>}) and the comparison the run joins.
   */
  Scenario scenario() {
    return switch (connections.kind()) {
      case POOLED -> target.limitsConnections() ? Scenario.POOL_STORM : Scenario.POOLED;
      case CLIENT_PER_REQUEST -> Scenario.CLIENT_PER_REQUEST;
      case RAW_SOCKET -> Scenario.RAW_SOCKET;
      case LEAKED_CLIENT -> Scenario.LEAKED_CLIENT;
      case KEEP_ALIVE -> keepAliveScenario();
    };
  }

  /** Keep-alive sockets against a server that closes idle connections, or runs out of descriptors first, or neither. */
  private Scenario keepAliveScenario() {
    if (target.limitsDescriptors()) {
      return target.closesIdle() ? Scenario.KEEP_ALIVE_SERVER_LIMIT_IDLE_TIMEOUT : Scenario.KEEP_ALIVE_SERVER_LIMIT;
    }
    return target.closesIdle() ? Scenario.KEEP_ALIVE_IDLE_TIMEOUT : Scenario.KEEP_ALIVE;
  }

  /** This protocol's values as settings keys, the layer under the settings file and {@code -D}. */
  Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>(target.values());
    values.putAll(connections.values());
    values.putAll(load);
    if (expect != null) {
      values.put("verdict." + scenario().configName(), expect.expectation().configName());
    }
    return values;
  }
}
