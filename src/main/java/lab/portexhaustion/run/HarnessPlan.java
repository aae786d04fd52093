package lab.portexhaustion.run;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import io.gatling.javaapi.core.OpenInjectionStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.InvalidSettingsException;
import lab.portexhaustion.config.LoadProfile;
import lab.portexhaustion.config.ProtocolSettings;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.config.SettingsLoader;
import lab.portexhaustion.target.TargetUnavailableException;
import lab.portexhaustion.strategy.ClientSettingsHook;

/**
 * A run about to happen: its scenario, its settings (validated), and the simulation's own driver settings. Made
 * while the simulation is built, so that bad settings end it before Gatling starts; {@link #start()} starts the
 * target and the instruments when Gatling builds the first request.
 */
public final class HarnessPlan {

  private final Scenario scenario;
  private final String simulation;
  private final HarnessSettings settings;
  private final ClientSettingsHook hook;

  private HarnessPlan(Scenario scenario, String simulation, HarnessSettings settings, ClientSettingsHook hook) {
    this.scenario = scenario;
    this.simulation = simulation;
    this.settings = settings;
    this.hook = hook;
  }

  /**
   * The plan of a simulation with the settings of this JVM over its protocol's values; its scenario derived from them.
   * Invalid settings end the JVM here with a clear message: no load sent.
   */
  public static HarnessPlan of(ProtocolSettings protocol, ClientSettingsHook hook) {
    try {
      HarnessSettings settings = SettingsLoader.fromSystem(protocol);
      return new HarnessPlan(settings.scenario(), protocol.simulation(), settings, hook);
    } catch (InvalidSettingsException e) {
      SetupFailure.exit(protocol.simulation(), e.problems());
    }
    throw new IllegalStateException("unreachable: SetupFailure.exit returns only if System.exit is intercepted");
  }

  /** As {@link #of} with settings given, not read from the system: for tests. */
  public static HarnessPlan of(Scenario scenario, String simulation, HarnessSettings settings, ClientSettingsHook hook) {
    return new HarnessPlan(scenario, simulation, settings, hook);
  }

  /** Ends the JVM before any load with {@code paragraphs}: a simulation that cannot work as written. */
  public static void refuse(String simulation, List<String> paragraphs) {
    SetupFailure.exit(simulation, paragraphs);
  }

  /** Starts the target and the instruments; a target that cannot start ends the JVM with a clear message, no load sent. */
  public HarnessRun start() {
    try {
      return HarnessRun.start(this);
    } catch (TargetUnavailableException e) {
      SetupFailure.exit(simulation, List.of(e.getMessage()));
    }
    throw new IllegalStateException("unreachable: SetupFailure.exit returns only if System.exit is intercepted");
  }

  /** The open-model arrival profile the model predicts from: ramp from the start rate to the peak, then hold. */
  public List<OpenInjectionStep> injection() {
    LoadProfile load = settings.load();
    List<OpenInjectionStep> steps = new ArrayList<>();
    if (!load.rampTime().isZero()) {
      steps.add(rampUsersPerSec(load.startRate()).to(load.peakRate()).during(load.rampTime()));
    }
    if (!load.holdTime().isZero()) {
      steps.add(constantUsersPerSec(load.peakRate()).during(load.holdTime()));
    }
    return steps;
  }

  /** {@code load.maxDuration}: the bound of the run. */
  public Duration maxDuration() {
    return settings.load().maxDuration();
  }

  public Scenario scenario() {
    return scenario;
  }

  public String simulation() {
    return simulation;
  }

  public HarnessSettings settings() {
    return settings;
  }

  ClientSettingsHook hook() {
    return hook;
  }
}
