package lab.portexhaustion.dsl;

import com.mongodb.MongoClientSettings;
import io.gatling.core.protocol.Protocol;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import lab.portexhaustion.config.ProtocolSettings;
import lab.portexhaustion.config.StrategyKind;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.run.HarnessPlan;
import lab.portexhaustion.run.SetupFailureException;
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
  // Calls given null (a variable not yet set where the protocol is built), refused with the settings before any load
  private final List<String> mistakes;
  private HarnessPlan plan; // derived from the fields above, once
  private MongoProtocol protocol; // started once, however often Gatling asks

  MongoProtocolBuilder(String simulation) {
    this(ProtocolSettings.of(simulation, StrategyKind.POOLED), ClientSettingsHook.NONE, List.of());
  }

  private MongoProtocolBuilder(ProtocolSettings settings, ClientSettingsHook hook, List<String> mistakes) {
    this.settings = settings;
    this.hook = hook;
    this.mistakes = mistakes;
  }

  private MongoProtocolBuilder with(ProtocolSettings newSettings) {
    return new MongoProtocolBuilder(newSettings, hook, mistakes);
  }

  /** This builder with {@code call} refused: given null, where {@code takes} says what it takes. */
  private MongoProtocolBuilder mistaken(String call, String takes) {
    List<String> more = new ArrayList<>(mistakes);
    more.add("The MongoDsl protocol of " + settings.simulation() + ": " + call + " was given null, where it takes "
        + takes + " (a field read before it is set, or an environment variable that is not, gives null).");
    return new MongoProtocolBuilder(settings, hook, List.copyOf(more));
  }

  /** Where the load goes: {@link MongoDsl#autoTarget()} (the default), {@code embedded()}, {@code container()} or {@code uri(...)}. */
  public MongoProtocolBuilder target(Target newTarget) {
    if (newTarget == null) {
      return mistaken("target(...)", "autoTarget(), embedded(), container() or uri(...)");
    }
    MongoProtocolBuilder targeted = with(settings.with(newTarget.server()));
    return newTarget.mistake().map(call -> targeted.mistaken(call, "a duration")).orElse(targeted);
  }

  /**
   * How requests hold their connections: {@link MongoDsl#pooled()} (the default), {@code clientPerRequest()},
   * {@code leakedClient()}, {@code rawSockets()} or {@code keepAliveSockets()}.
   */
  public MongoProtocolBuilder connections(Connections newConnections) {
    if (newConnections == null) {
      return mistaken("connections(...)", "pooled(), clientPerRequest(), leakedClient(), rawSockets() or keepAliveSockets()");
    }
    return with(settings.with(newConnections.kind(), newConnections.pool()));
  }

  /**
   * Changes to every MongoClientSettings the harness builds for this simulation (pooled, per request or leaked),
   * applied after the harness's timeouts and pool settings, so they win; the harness's own listeners are added after
   * them. Called on the thread that makes the client: the run's start for a pool, a request's worker otherwise.
   */
  public MongoProtocolBuilder clientSettings(Consumer<MongoClientSettings.Builder> changes) {
    if (changes == null) {
      return mistaken("clientSettings(...)", "a change to MongoClientSettings.Builder (builder -> builder...)");
    }
    return new MongoProtocolBuilder(settings, ClientSettingsHook.of(changes), mistakes);
  }

  /**
   * What the verdict expects: {@link MongoDsl#modelPrediction()} (the default: what the model predicts for this
   * run), {@code clean()}, {@code exhaustion()} or {@code anything()}.
   */
  public MongoProtocolBuilder expect(Expect expectation) {
    if (expectation == null) {
      return mistaken("expect(...)", "modelPrediction(), clean(), exhaustion() or anything()");
    }
    return with(settings.with(expectation.expectation()));
  }

  /**
   * The arrival profile of {@link #injection()}: new virtual users per second from {@code startRate} to
   * {@code peakRate} over {@code rampTime}, then {@code peakRate} for {@code holdTime} (the {@code load.*} settings).
   */
  public MongoProtocolBuilder load(double startRate, double peakRate, Duration rampTime, Duration holdTime) {
    if (rampTime == null || holdTime == null) {
      return mistaken("load(...)'s " + (rampTime == null ? "rampTime" : "holdTime"), "a duration (Duration.ofSeconds(...))");
    }
    return with(settings.with(new ProtocolSettings.Arrivals(startRate, peakRate, rampTime, holdTime)));
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
      plan = ProcessExit.exitOnFailure(this::checkedPlan);
    }
    return plan;
  }

  /** The plan of these values; the calls given null are refused first, the settings next (HarnessPlan). */
  HarnessPlan checkedPlan() {
    if (!mistakes.isEmpty()) {
      ProcessExit.begin(settings.simulation()); // named in the exit record, as HarnessPlan.of names a run it refuses
      throw new SetupFailureException(settings.simulation(), mistakes);
    }
    return HarnessPlan.of(settings, hook);
  }

  /**
   * This protocol's values, typed: the layer of the settings between the scenario defaults and the settings file. The
   * scenario it describes (its connection pattern against the server limits it sets) is the run's.
   */
  ProtocolSettings settings() {
    return settings;
  }
}
