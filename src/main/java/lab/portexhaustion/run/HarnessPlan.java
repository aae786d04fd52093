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
import lab.portexhaustion.process.LoggingDefaults;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.record.GatlingLaunch;
import lab.portexhaustion.target.TargetUnavailableException;
import lab.portexhaustion.strategy.ClientSettingsHook;

/**
 * A run about to happen: its scenario, its settings (validated), and the simulation's own driver settings. Made
 * while the simulation is built, so that bad settings are found before Gatling starts; {@link #start()} starts the
 * target and the instruments when Gatling takes the protocol. What cannot start is thrown as a
 * {@link SetupFailureException}: ending the JVM for it is left to the DSL's edge, where Gatling calls in.
 */
public final class HarnessPlan {

  private final String simulation;
  private final HarnessSettings settings;
  private final ClientSettingsHook hook;

  private HarnessPlan(String simulation, HarnessSettings settings, ClientSettingsHook hook) {
    this.simulation = simulation;
    this.settings = settings;
    this.hook = hook;
  }

  /**
   * The plan of a simulation with the settings of this JVM over its protocol's values; its scenario derived from them.
   * The simulation is named in the exit record from here: a JVM that ends without a code of the harness's crashed.
   *
   * @throws SetupFailureException for invalid settings, each problem a paragraph: no load sent
   */
  public static HarnessPlan of(ProtocolSettings protocol, ClientSettingsHook hook) {
    ProcessExit.begin(protocol.simulation());
    LoggingDefaults.apply();
    try {
      HarnessSettings settings = SettingsLoader.fromSystem(protocol);
      return new HarnessPlan(protocol.simulation(), settings, hook);
    } catch (InvalidSettingsException e) {
      throw new SetupFailureException(protocol.simulation(), e.problems());
    }
  }

  /** As {@link #of} with settings given, not read from the system: the scenario is still the settings' own. */
  static HarnessPlan of(String simulation, HarnessSettings settings, ClientSettingsHook hook) {
    return new HarnessPlan(simulation, settings, hook);
  }

  /**
   * Starts the target and the instruments: the run is built whole, then started.
   *
   * @throws SetupFailureException for a results folder that cannot be written, or a target that cannot start, with what
   *     it said: no load sent
   */
  public HarnessRun start() {
    ResultsFolderCheck.whyNotWritable(GatlingLaunch.ofThisJvm().resultsFolder()).ifPresent(problem -> {
      throw new SetupFailureException(simulation, List.of(problem));
    });
    HarnessRun run;
    try {
      run = HarnessRun.prepare(this);
    } catch (TargetUnavailableException e) {
      throw new SetupFailureException(simulation, List.of(e.getMessage()));
    }
    run.start();
    return run;
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
    return settings.scenario();
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
