package lab.portexhaustion.run;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.InvalidSettingsException;
import lab.portexhaustion.config.LoadProfile;
import lab.portexhaustion.config.SettingsLoader;
import lab.portexhaustion.config.StrategyKind;
import lab.portexhaustion.gatling.MongoRequestActionBuilder;
import lab.portexhaustion.gatling.RequestWorkers;
import lab.portexhaustion.measure.RequestRecorder;
import lab.portexhaustion.measure.RunMetrics;
import lab.portexhaustion.onset.OnsetDetector;
import lab.portexhaustion.sockets.SocketTable;
import lab.portexhaustion.strategy.ConnectionStrategy;
import lab.portexhaustion.strategy.StrategyFactory;
import lab.portexhaustion.target.MongoTarget;
import lab.portexhaustion.target.ServerProbe;
import lab.portexhaustion.target.TargetDescription;
import lab.portexhaustion.target.TargetFactory;
import lab.portexhaustion.target.TargetUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulation's harness, from settings to summary: validates the settings, starts the target,
 * waits for a clean start, builds the strategy, and gives the simulation the pieces it wires
 * together (request step, stop condition, injection profile, bound). {@link #finish()} from the
 * simulation's {@code after()} stops everything and writes {@code harness/summary.json}.
 */
public final class HarnessRun {

  private static final Logger LOG = LoggerFactory.getLogger(HarnessRun.class);
  private static final long WORKER_DRAIN_SECONDS = 30;

  private final String simulation;
  private final StrategyKind kind;
  private final HarnessSettings settings;
  private final MongoTarget target;
  private final TargetDescription targetDescription;
  private final CleanStart.State cleanStart;
  private final ConnectionStrategy strategy;
  private final RequestWorkers workers;
  private final RunMetrics metrics = new RunMetrics();
  private final OnsetDetector onset;
  private final RequestRecorder recorder;
  private final Instant startedAt;
  private final ProgressReporter progress;

  private HarnessRun(String simulation, StrategyKind kind, HarnessSettings settings, MongoTarget target,
      TargetDescription targetDescription, CleanStart.State cleanStart, ConnectionStrategy strategy) {
    this.simulation = simulation;
    this.kind = kind;
    this.settings = settings;
    this.target = target;
    this.targetDescription = targetDescription;
    this.cleanStart = cleanStart;
    this.strategy = strategy;
    this.workers = new RequestWorkers(settings.load().workers(), settings.load().queueCapacity());
    this.startedAt = Instant.now();
    this.onset = new OnsetDetector(startedAt, metrics, settings.load().exhaustionGrace());
    this.recorder = new RequestRecorder(metrics, onset);
    this.progress = new ProgressReporter(kind.configName(), metrics, onset, startedAt);
  }

  /**
   * Prepares a run of {@code kind} for {@code simulation} with the settings of this JVM. A
   * problem with the settings or the target ends the JVM here with a clear message: no load sent.
   */
  public static HarnessRun start(StrategyKind kind, Class<?> simulation) {
    try {
      return start(kind, simulation, SettingsLoader.fromSystem());
    } catch (InvalidSettingsException e) {
      SetupFailure.exit(simulation.getSimpleName(), e.problems());
    } catch (TargetUnavailableException e) {
      SetupFailure.exit(simulation.getSimpleName(), List.of(e.getMessage()));
    }
    throw new IllegalStateException("unreachable: SetupFailure.exit returns only if System.exit is intercepted");
  }

  /** As {@link #start(StrategyKind, Class)} with explicit settings; failures are thrown, not turned into an exit. */
  public static HarnessRun start(StrategyKind kind, Class<?> simulation, HarnessSettings settings) {
    MongoTarget target = TargetFactory.start(settings);
    try {
      // Look for TIME_WAIT before the harness's own first connections to the target leave some.
      CleanStart.State clean = CleanStart.await(SocketTable.forThisMachine(), target.endpoint(), settings.maxDrainWait());
      TargetDescription description = ServerProbe.describe(target, probeTimeout(settings));
      LOG.info("{} ({}): {}", simulation.getSimpleName(), kind.configName(), description.oneLine());
      ConnectionStrategy strategy = StrategyFactory.create(kind, target, settings);
      LOG.info("{}: {}; clean start: {}", simulation.getSimpleName(), strategy.describe(), clean.note());
      return new HarnessRun(simulation.getSimpleName(), kind, settings, target, description, clean, strategy);
    } catch (RuntimeException e) {
      target.close();
      throw e;
    }
  }

  private static Duration probeTimeout(HarnessSettings settings) {
    Duration floor = Duration.ofSeconds(10);
    return settings.timeouts().serverSelection().compareTo(floor) > 0 ? settings.timeouts().serverSelection() : floor;
  }

  /** The step that sends one request through this run's strategy. */
  public ActionBuilder request() {
    return new MongoRequestActionBuilder(kind.configName(), strategy, workers, recorder);
  }

  /** Stops injecting once exhaustion started {@code load.exhaustionGrace} ago. */
  public ChainBuilder stopWhenExhausted() {
    return stopLoadGeneratorIf(
        session -> "exhaustion started " + settings.load().exhaustionGrace().toSeconds()
            + " s ago (load.exhaustionGrace): stopping the injection",
        session -> onset.graceElapsed(Instant.now()));
  }

  /** The open-model arrival profile: ramp from the start rate to the peak, then hold. */
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

  public Duration maxDuration() {
    return settings.load().maxDuration();
  }

  /** Stops the workers, the strategy and the target, then writes and prints the summary. */
  public void finish() {
    Instant endedAt = Instant.now();
    recorder.close();
    progress.close();
    try {
      workers.drain(WORKER_DRAIN_SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    strategy.close();
    target.close();
    RunSummary summary = SummaryBuilder.build(simulation, kind, strategy.describe(), settings, targetDescription,
        cleanStart, startedAt, endedAt, metrics, recorder.leftInFlight(), onset.onset());
    LOG.info(SummaryBuilder.consoleText(summary));
    write(summary);
  }

  private void write(RunSummary summary) {
    try {
      Path root = RunFolder.resultsRoot();
      Optional<Path> folder = RunFolder.find(root, simulation, startedAt);
      if (folder.isEmpty()) {
        LOG.warn("no Gatling run folder for {} under {}: harness summary not written", simulation, root.toAbsolutePath());
        return;
      }
      Path file = folder.get().resolve("harness").resolve("summary.json");
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      RunFolder.writeAtomically(file, json.writeValueAsBytes(summary));
      LOG.info("harness summary: {}", file);
    } catch (IOException e) {
      LOG.error("could not write the harness summary: {}", e.toString());
    }
  }
}
