package lab.portexhaustion.dsl;

import com.mongodb.MongoClientSettings;
import io.gatling.core.protocol.Protocol;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import lab.portexhaustion.config.ProtocolSettings;
import lab.portexhaustion.config.StrategyKind;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.run.HarnessPlan;
import lab.portexhaustion.strategy.ClientSettingsHook;

/**
 * The MongoDB protocol of a simulation, made with {@link MongoDsl#mongo()} and set once with
 * {@code setUp(...).protocols(...)}: where the load goes, how connections are held, what the verdict expects, and
 * the load profile. Every value here is a default: the settings file ({@code harness.conf}) and {@code -D} override
 * it, though not so far as to make it another scenario (docs/settings.md). Immutable: every method returns a new builder.
 *
 * <p>Setting the protocol is all it takes to get the instruments: the settings are validated, and the target, clean
 * start, port sampler and onset detection started, when {@code setUp(...).protocols(...)} takes it; the summary,
 * comparison and verdict follow the load.
 */
public final class MongoProtocolBuilder implements ProtocolBuilder {

  private final ProtocolSettings settings;
  private final ClientSettingsHook hook;
  private HarnessPlan plan; // derived from the fields above, once
  private MongoProtocol protocol; // started once, however often Gatling asks

  MongoProtocolBuilder(String simulation) {
    this(ProtocolSettings.of(simulation, StrategyKind.POOLED), ClientSettingsHook.NONE);
  }

  private MongoProtocolBuilder(ProtocolSettings settings, ClientSettingsHook hook) {
    this.settings = settings;
    this.hook = hook;
  }

  /** Where the load goes: {@link MongoDsl#autoTarget()} (the default), {@code embedded()}, {@code container()} or {@code uri(...)}. */
  public MongoProtocolBuilder target(Target newTarget) {
    return new MongoProtocolBuilder(settings.with(newTarget.server()), hook);
  }

  /**
   * How requests hold their connections: {@link MongoDsl#pooled()} (the default), {@code clientPerRequest()},
   * {@code leakedClient()}, {@code rawSockets()} or {@code keepAliveSockets()}.
   */
  public MongoProtocolBuilder connections(Connections newConnections) {
    return new MongoProtocolBuilder(settings.with(newConnections.kind(), newConnections.pool()), hook);
  }

  /**
   * Changes to every MongoClientSettings the harness builds for this simulation (pooled, per request or leaked),
   * applied after the harness's timeouts and pool settings, so they win; the harness's own listeners are added after
   * them. Called on the thread that makes the client: the run's start for a pool, a request's worker otherwise.
   */
  public MongoProtocolBuilder clientSettings(Consumer<MongoClientSettings.Builder> changes) {
    return new MongoProtocolBuilder(settings, ClientSettingsHook.of(changes));
  }

  /**
   * What the verdict expects: {@link MongoDsl#modelPrediction()} (the default: what the model predicts for this
   * run), {@code clean()}, {@code exhaustion()} or {@code anything()}.
   */
  public MongoProtocolBuilder expect(Expect expectation) {
    return new MongoProtocolBuilder(settings.with(expectation.expectation()), hook);
  }

  /**
   * The arrival profile of {@link #injection()}: new virtual users per second from {@code startRate} to
   * {@code peakRate} over {@code rampTime}, then {@code peakRate} for {@code holdTime} (the {@code load.*} settings).
   */
  public MongoProtocolBuilder load(double startRate, double peakRate, Duration rampTime, Duration holdTime) {
    return new MongoProtocolBuilder(settings.with(new ProtocolSettings.Arrivals(startRate, peakRate, rampTime, holdTime)), hook);
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
      protocol = ProcessExit.exitOnFailure(() -> new MongoProtocol(started, settings.connections(), started.start()));
    }
    return protocol;
  }

  /** The plan, made when the simulation first asks (injection, bound or protocol): invalid settings end the JVM there. */
  private synchronized HarnessPlan plan() {
    if (plan == null) {
      plan = ProcessExit.exitOnFailure(() -> HarnessPlan.of(settings, hook));
    }
    return plan;
  }

  /**
   * This protocol's values, typed: the layer of the settings between the scenario defaults and the settings file. The
   * scenario it describes (its connection pattern against the server limits it sets) is the run's.
   */
  ProtocolSettings settings() {
    return settings;
  }
}
