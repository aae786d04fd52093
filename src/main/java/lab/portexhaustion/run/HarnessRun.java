package lab.portexhaustion.run;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;

import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.InvalidSettingsException;
import lab.portexhaustion.config.LoadProfile;
import lab.portexhaustion.config.SettingsLoader;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.failure.ErrorKind;
import lab.portexhaustion.gatling.MongoRequestActionBuilder;
import lab.portexhaustion.gatling.RequestWorkers;
import lab.portexhaustion.measure.PortsPerRequest;
import lab.portexhaustion.measure.RequestRecorder;
import lab.portexhaustion.measure.RunMetrics;
import lab.portexhaustion.measure.SecondStats;
import lab.portexhaustion.onset.Onset;
import lab.portexhaustion.onset.OnsetDetector;
import lab.portexhaustion.onset.OnsetRecord;
import lab.portexhaustion.report.ComparisonWriter;
import lab.portexhaustion.sampler.NetworkConditions;
import lab.portexhaustion.sampler.NetworkConditionsReader;
import lab.portexhaustion.sampler.PortSample;
import lab.portexhaustion.sampler.PortSampler;
import lab.portexhaustion.sockets.SocketTable;
import lab.portexhaustion.strategy.ConnectionStrategy;
import lab.portexhaustion.strategy.StrategyFactory;
import lab.portexhaustion.target.MongoTarget;
import lab.portexhaustion.target.ServerProbe;
import lab.portexhaustion.target.TargetDescription;
import lab.portexhaustion.target.TargetFactory;
import lab.portexhaustion.target.TargetUnavailableException;
import lab.portexhaustion.verdict.FailedVerdictExit;
import lab.portexhaustion.verdict.Verdict;
import lab.portexhaustion.verdict.VerdictJudge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulation's harness, from settings to verdict: validates the settings, starts the target,
 * waits for a clean start, builds the strategy, starts the port sampler, and gives the simulation
 * the pieces it wires together (request step, stop condition, injection profile, bound).
 * {@link #finish()} from the simulation's {@code after()} stops everything, writes the summary and
 * gives the verdict.
 */
public final class HarnessRun {

  private static final Logger LOG = LoggerFactory.getLogger(HarnessRun.class);
  private static final long WORKER_DRAIN_SECONDS = 30;

  private final String simulation;
  private final Scenario scenario;
  private final HarnessSettings settings;
  private final MongoTarget target;
  private final TargetDescription targetDescription;
  private final CleanStart.State cleanStart;
  private final ConnectionStrategy strategy;
  private final NetworkConditions network;
  private final Instant startedAt = Instant.now();
  private final RunMetrics metrics = new RunMetrics();
  private final RequestWorkers workers;
  private final OnsetDetector onset;
  private final RequestRecorder recorder;
  private final PortsPerRequest portsPerRequest;
  private final HarnessFiles files;
  private final PortSampler sampler;
  private final ProgressReporter progress;
  private final DescriptorReserve reserve = new DescriptorReserve();
  private final AtomicReference<OnsetRecord> onsetRecord = new AtomicReference<>();
  private volatile boolean conditionsWritten;
  private volatile boolean onsetWritten;

  private HarnessRun(String simulation, Scenario scenario, HarnessSettings settings, MongoTarget target,
      TargetDescription targetDescription, CleanStart.State cleanStart, ConnectionStrategy strategy, NetworkConditions network,
      SocketTable sockets) {
    this.simulation = simulation;
    this.scenario = scenario;
    this.settings = settings;
    this.target = target;
    this.targetDescription = targetDescription;
    this.cleanStart = cleanStart;
    this.strategy = strategy;
    this.network = network;
    this.workers = new RequestWorkers(settings.load().workers(), settings.load().queueCapacity());
    this.onset = new OnsetDetector(startedAt, metrics, settings.load().exhaustionGrace(), scenario, this::recordOnset);
    this.recorder = new RequestRecorder(metrics, onset);
    this.portsPerRequest = new PortsPerRequest(network.timeWait().toMillis());
    this.files = new HarnessFiles(RunFolder.resultsRoot(), simulation, startedAt);
    this.sampler = new PortSampler(sockets, target.endpoint(), network, this::takeSample, startedAt);
    this.sampler.start(settings.sampler().totalsInterval(), settings.sampler().fullInterval(), settings.sampler().maxCpuPercent());
    this.progress = new ProgressReporter(scenario.configName(), metrics, onset, sampler, startedAt);
  }

  /**
   * Prepares a run of {@code scenario} for {@code simulation} with the settings of this JVM. A
   * problem with the settings or the target ends the JVM here with a clear message: no load sent.
   */
  public static HarnessRun start(Scenario scenario, Class<?> simulation) {
    try {
      return start(scenario, simulation, SettingsLoader.fromSystem(scenario));
    } catch (InvalidSettingsException e) {
      SetupFailure.exit(simulation.getSimpleName(), e.problems());
    } catch (TargetUnavailableException e) {
      SetupFailure.exit(simulation.getSimpleName(), List.of(e.getMessage()));
    }
    throw new IllegalStateException("unreachable: SetupFailure.exit returns only if System.exit is intercepted");
  }

  /** As {@link #start(Scenario, Class)} with explicit settings; failures are thrown, not turned into an exit. */
  public static HarnessRun start(Scenario scenario, Class<?> simulation, HarnessSettings settings) {
    HarnessClasses.loadAll();
    NetworkConditions network = NetworkConditionsReader.read();
    SocketTable sockets = SocketTable.forThisMachine();
    MongoTarget target = TargetFactory.start(settings, port -> !network.range().contains(port)
        && CleanStart.nothingToward(sockets, new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
    try {
      // Look for TIME_WAIT before the harness's own first connections to the target leave some.
      CleanStart.State clean = CleanStart.await(sockets, DrainScope.of(network, target.endpoint()), settings.cleanStart().bound(network.timeWait()));
      TargetDescription description = ServerProbe.describe(target, probeTimeout(settings));
      LOG.info("{} ({}): {}", simulation.getSimpleName(), scenario.configName(), description.oneLine());
      LOG.info("{}: ephemeral range {}, TIME_WAIT {} s, tcp_tw_reuse {}; clean start: {}", simulation.getSimpleName(),
          network.range(), network.timeWait().toSeconds(), network.twReuse().map(String::valueOf).orElse("n/a"), clean.note());
      ConnectionStrategy strategy = StrategyFactory.create(scenario.strategy(), target, settings);
      LOG.info("{}: {}", simulation.getSimpleName(), strategy.describe());
      return new HarnessRun(simulation.getSimpleName(), scenario, settings, target, description, clean, strategy, network, sockets);
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
    return new MongoRequestActionBuilder(scenario.configName(), strategy, workers, recorder);
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

  /** Every sample, in the sampler's thread (one at a time): ports per request, the CSV, and the conditions once the folder exists. */
  private void takeSample(PortSample sample) {
    if (sample.isFull()) {
      portsPerRequest.observe(sample.elapsedMillis(), sample.portsInUseTowardTarget(), metrics.succeededCount());
    }
    if (!conditionsWritten) {
      conditionsWritten = files.writeJson("conditions.json",
          RunConditions.of(network, sample.descriptorsMax(), targetDescription, settings));
    }
    files.appendSample(sample);
  }

  /**
   * Runs once, on the worker that saw the first exhaustion-class failure. When descriptors ran
   * out, the reserve goes back first so that the snapshot and onset.json can be written; if
   * they still cannot, the newest full sample stands in and onset.json waits for {@link #finish()}.
   */
  private void recordOnset(Onset first) {
    if (first.error().kind() == ErrorKind.DESCRIPTORS) {
      reserve.release();
    }
    PortSample snapshot;
    try {
      snapshot = sampler.snapshot("onset");
    } catch (RuntimeException e) {
      LOG.warn("no onset snapshot ({}): the newest full sample stands in", e.getMessage());
      snapshot = sampler.latestFull();
    }
    OnsetRecord record = OnsetRecord.of(first, snapshot, settings.load(), network, portsPerRequest.estimate(),
        portsPerRequest.baselinePorts());
    onsetRecord.set(record);
    onsetWritten = files.writeJson("onset.json", record);
    LOG.warn(String.format(">>> exhaustion onset after %.1f s: %s [%s] after %,d requests; %d of %d ports in use toward the target"
            + " (%.1f %%), %d in TIME_WAIT; %d of %d descriptors open; arrival rate %.0f/s; port model predicted %s",
        record.elapsedSeconds(), record.message(), record.kind(), record.requestsStarted(), record.portsInUseTowardTarget(),
        record.rangeSize(), record.utilisationPercent(), record.timeWaitTowardTarget(), record.descriptorsOpen(), record.descriptorsMax(),
        record.arrivalRatePerSecond(), predictionText(record)));
  }

  private static String predictionText(OnsetRecord record) {
    if (record.predictedOnsetSeconds() != null) {
      return record.predictedOnsetSeconds() + " s";
    }
    return ErrorKind.EPHEMERAL_PORTS.label().equals(record.kind()) ? "no onset within the profile" : "n/a (it models ports only)";
  }

  /**
   * Rewrites the comparison folders from the runs of this {@code mvn gatling:test} so far: after the
   * last simulation it holds them all, without any simulation having to know it is the last.
   */
  private void compareBatch() {
    Optional<String> batch = RunFolder.batch();
    if (batch.isEmpty()) {
      return;
    }
    try {
      for (Path written : ComparisonWriter.write(ComparisonWriter.runsOfBatch(RunFolder.resultsRoot(), batch.get()), RunFolder.resultsRoot())) {
        LOG.info("comparison of this mvn gatling:test so far: {}", written.resolve("index.html"));
      }
    } catch (IOException | RuntimeException e) {
      LOG.error("could not write the comparison: {}", e.toString());
    }
  }

  /** This process's descriptor limit, as the sampler read it (-1 where there is none, as on Windows). */
  private long descriptorLimit() {
    PortSample latest = sampler.latestFull();
    return latest == null ? -1 : latest.descriptorsMax();
  }

  /** Stops the workers, sampler, strategy and target; writes the summary; gives the verdict. */
  public void finish() {
    Instant endedAt = Instant.now();
    recorder.close();
    progress.close();
    try {
      workers.drain(WORKER_DRAIN_SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sampler.close();
    strategy.close();
    target.close();
    reserve.close();
    Optional<OnsetRecord> onsetSeen = Optional.ofNullable(onsetRecord.get());
    if (onsetSeen.isPresent() && !onsetWritten) {
      files.writeJson("onset.json", onsetSeen.get());
    }
    Verdict verdict = VerdictJudge.judge(simulation, scenario, settings, onsetSeen, sampler.peaks());
    RunSummary summary = SummaryBuilder.build(new SummaryBuilder.Inputs(simulation, scenario, strategy.describe(), settings,
        RunFolder.batch(), targetDescription, cleanStart, startedAt, endedAt, metrics, recorder.leftInFlight(), network, sampler.peaks(),
        descriptorLimit(), portsPerRequest.estimate(), onsetSeen, verdict));
    LOG.info(SummaryBuilder.consoleText(summary));
    files.writeCsv("requests.csv", SecondStats.class, metrics.perSecond());
    if (files.writeJson("summary.json", summary)) {
      LOG.info("harness files: {}", files.folder().orElseThrow());
    }
    files.close();
    compareBatch();
    if (verdict.passed()) {
      LOG.info(verdict.line());
    } else {
      LOG.error(verdict.line());
      FailedVerdictExit.register();
    }
  }
}
