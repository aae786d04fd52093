package lab.portexhaustion.run;

import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;

import io.gatling.core.action.Action;
import io.gatling.core.structure.ScenarioContext;
import io.gatling.javaapi.core.ChainBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.SamplerSettings;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.failure.ErrorClassifier;
import lab.portexhaustion.gatling.BatchedResponses;
import lab.portexhaustion.gatling.MongoRequestActionBuilder;
import lab.portexhaustion.gatling.RequestDefinition;
import lab.portexhaustion.gatling.RequestWorkers;
import lab.portexhaustion.gatling.VisitRequests;
import lab.portexhaustion.measure.CpuTimes;
import lab.portexhaustion.measure.RequestRecorder;
import lab.portexhaustion.measure.RunMetrics;
import lab.portexhaustion.measure.SecondStats;
import lab.portexhaustion.measure.SecondTicker;
import lab.portexhaustion.model.Prediction;
import lab.portexhaustion.onset.OnsetDetector;
import lab.portexhaustion.onset.OnsetRecord;
import lab.portexhaustion.process.ParentProcess;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.record.CleanStartState;
import lab.portexhaustion.record.GatlingLaunch;
import lab.portexhaustion.record.RunSummary;
import lab.portexhaustion.report.ComparisonWriter;
import lab.portexhaustion.sampler.FullSample;
import lab.portexhaustion.sampler.NetworkConditions;
import lab.portexhaustion.sampler.PortSample;
import lab.portexhaustion.sampler.PortSampler;
import lab.portexhaustion.target.MongoTarget;
import lab.portexhaustion.target.TargetDescription;
import lab.portexhaustion.strategy.ConnectionStrategy;
import lab.portexhaustion.verdict.Evidence;
import lab.portexhaustion.verdict.RequestsNotBuilt;
import lab.portexhaustion.verdict.Verdict;
import lab.portexhaustion.verdict.VerdictJudge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulation's harness, from its plan to the verdict. Built whole before anything runs: the target started, a
 * clean start waited for and the strategy built ({@link RunSetup}), then every part of the run, the model made from
 * a first sample read on the caller's thread (its prediction waits for the first virtual user: {@link #userStarts()}).
 * {@link #start()} then starts what runs on threads of its own. The simulation's request actions each check the stop
 * condition after the request. {@link #finish()}, once Gatling has ended the load, stops everything, writes the
 * summary and returns the verdict.
 */
public final class HarnessRun {

  private static final Logger LOG = LoggerFactory.getLogger(HarnessRun.class);
  private static final long WORKER_DRAIN_SECONDS = 30;
  /** Beyond load.maxDuration and the workers' drain: time to write the reports before the watchdog steps in. */
  private static final Duration BOUND_SLACK = Duration.ofSeconds(20);

  private final String simulation;
  private final Scenario scenario;
  private final HarnessSettings settings;
  private final MongoTarget target;
  private final TargetDescription targetDescription;
  private final CleanStartState cleanStart;
  private final ConnectionStrategy strategy;
  private final NetworkConditions network;
  private final SocketErrorRelay socketErrors;
  private final Instant startedAt = Instant.now();
  /** Read once, before the load: reading it takes descriptors, which the run may have exhausted by its end. */
  private final GatlingLaunch launch = GatlingLaunch.ofThisJvm();
  private final DescriptorReserve reserve = new DescriptorReserve();
  private final RequestWorkers workers;
  private final HarnessFiles files;
  private final RunMetrics metrics;
  private final SecondTicker seconds;
  private final PortSampler sampler;
  private final FullSample beforeLoad;
  private final RunModel model;
  private final RunSamples samples;
  private final OnsetCapture onsetCapture;
  private final OnsetDetector onset;
  private final RequestRecorder recorder;
  private final MongoRequestActionBuilder actions;
  private final BatchedResponses responses = new BatchedResponses();
  private final ProgressReporter progress;
  private final RunWatchdog watchdog;
  private final Optional<CpuTimes> cpuAtStart = CpuTimes.now();
  private final AtomicReference<Evidence.TargetDeath> targetDied = new AtomicReference<>();

  private HarnessRun(HarnessPlan plan, RunSetup setup) {
    this.simulation = plan.simulation();
    this.scenario = plan.scenario();
    this.settings = plan.settings();
    this.target = setup.target();
    this.targetDescription = setup.description();
    this.cleanStart = setup.cleanStart();
    this.strategy = setup.strategy();
    this.network = setup.network();
    this.socketErrors = setup.socketErrors();
    this.workers = new RequestWorkers(settings.load().workers(), settings.load().queueCapacity());
    this.files = new HarnessFiles(launch.resultsFolder(), simulation, startedAt);
    this.metrics = new RunMetrics(files);
    this.seconds = new SecondTicker(startedAt, metrics::closeSecond);
    this.sampler = new PortSampler(setup.sockets(), setup.followed().addresses(), network, target::serverStatus, startedAt);
    this.beforeLoad = sampler.snapshot(PortSample.Tier.FULL);
    VisitRequests visit = new VisitRequests();
    this.model = RunModel.at(beforeLoad, strategy.connectionsOpened(), scenario, target, targetDescription, settings, network,
        visit::visit);
    this.samples = new RunSamples(files, model, metrics, strategy, network, target, targetDescription, settings);
    this.onsetCapture = new OnsetCapture(sampler, reserve, files, settings.load(), this::predictionAtOnset);
    this.onset = new OnsetDetector(startedAt, settings.load().exhaustionGrace(), scenario, onsetCapture::capture);
    this.recorder = new RequestRecorder(metrics, onset);
    this.actions = new MongoRequestActionBuilder(strategy, workers, recorder,
        stopWhenExhaustedOrLost(onset, settings.load().exhaustionGrace(), targetDied, responses), visit, responses);
    this.progress = new ProgressReporter(scenario.configName(), metrics, onset, sampler, startedAt);
    Duration bound = settings.load().maxDuration().plusSeconds(WORKER_DRAIN_SECONDS).plus(BOUND_SLACK);
    this.watchdog = new RunWatchdog(simulation, startedAt.plus(bound), String.format("load.maxDuration %d s + %d s to drain + %d s",
        settings.load().maxDuration().toSeconds(), WORKER_DRAIN_SECONDS, BOUND_SLACK.toSeconds()),
        ParentProcess.ofThisProcess(), flushOnAbort(simulation, startedAt, settings, seconds, sampler, files), ProcessExit::halt);
  }

  /** The run {@code plan} describes, built whole and not started; a failure closes what was started and is thrown. */
  static HarnessRun prepare(HarnessPlan plan) {
    RunSetup setup = RunSetup.of(plan);
    try {
      return new HarnessRun(plan, setup);
    } catch (RuntimeException e) {
      setup.target().close();
      throw e;
    }
  }

  /**
   * Starts the parts that run on their own, in this order: the watchdog first, so that whatever follows is bounded
   * even if it hangs; the sampler, {@code ports.csv} opening with the sample the model was made from; then the onset
   * capture's sources, whose first error may already be waiting (a driver's socket error met while the strategy was
   * built) and takes its snapshot from the sampler, which must be sending by then for that row to be written; last the
   * per-second ticker and the progress line, which only sum up what the requests and the sampler record.
   */
  void start() {
    watchdog.start();
    samples.acceptBeforeLoad(beforeLoad);
    SamplerSettings sampling = settings.sampler();
    sampler.start(samples, sampling.totalsInterval(), sampling.fullInterval(), sampling.maxCpuPercent());
    socketErrors.connect((error, at) -> onset.observe(ErrorClassifier.classify(error), at, "driver monitor", metrics.counts()));
    // The server process's first failed accept (EMFILE at its own limit): its clients only time out, later.
    target.onAcceptFailure(failure -> onset.observe(ErrorClassifier.classify(new IOException(failure.message())),
        Instant.ofEpochMilli(failure.epochMillis()), OnsetRecord.SERVER, metrics.counts()));
    // Its death, as it happens: every request from now on only times out, and nothing it shows is the model's doing.
    target.onDeath(death -> {
      Evidence.TargetDeath died = new Evidence.TargetDeath(RunEvidence.seconds(startedAt, Instant.ofEpochMilli(death.epochMillis())),
          death.how());
      targetDied.set(died);
      LOG.error(String.format(">>> the target process (%s) died at %.1f s (%s): stopping the injection; the verdict will be"
          + " INCONCLUSIVE", targetDescription.address(), died.atSeconds(), died.how()));
    });
    seconds.start();
    progress.start();
  }

  /**
   * Called as each virtual user starts. The first makes the model's prediction before the load: Gatling has built every
   * request of the scenario by then, so the model knows what a visit sends, and no request has been sent.
   */
  public void userStarts() {
    if (model.predict()) {
      model.visitWarning().ifPresent(warning -> LOG.warn("{}: {}", simulation, warning));
      LOG.info("{}: the model predicts {}", simulation, model.beforeLoad().map(Prediction::text).orElse("nothing (no limit known here)"));
      unseenServerSide().ifPresent(unseen -> LOG.info("{}: {}", simulation, unseen));
    }
  }

  /**
   * The prediction the onset record keeps. An onset can come before the first virtual user (a pool the server refuses as
   * the client starts, before any request): the prediction is made then, as a run no user started makes it at its end.
   */
  private Optional<Prediction> predictionAtOnset() {
    userStarts();
    return model.current();
  }

  /**
   * What the model cannot see of a server that is not the harness's own process (a container, a uri): its descriptors,
   * and its connection limit where its serverStatus gave none. Said before the load, so that a server that runs out of
   * them, which the run can only see as a target that stopped answering, is not a surprise.
   */
  private Optional<String> unseenServerSide() {
    if (target.serverConditions().isPresent()) {
      return Optional.empty();
    }
    return Optional.of(String.format("the server at %s (%s) is not the harness's own process: its descriptors are not seen"
        + " here%s, so the model leaves %s out; a server that runs out of %s shows as a target that stopped answering",
        targetDescription.address(), targetDescription.kind(),
        targetDescription.connectionLimit().isPresent() ? "" : ", nor a connection limit (its serverStatus gave none)",
        targetDescription.connectionLimit().isPresent() ? "them" : "both",
        targetDescription.connectionLimit().isPresent() ? "them" : "either"));
  }

  /** Called as each virtual user ends: its responses go to Gatling's stats before Gatling learns of its end. */
  public void userEnds() {
    responses.flush();
  }

  /** The action that sends {@code definition} as {@code requestName} through this run's strategy, then checks the stop condition. */
  public Action action(String requestName, RequestDefinition definition, ScenarioContext context, Action next) {
    return actions.build(requestName, definition, context, next);
  }

  /** Whether requests get a driver client; the socket strategies carry only commands. */
  public boolean usesDriver() {
    return strategy.usesDriver();
  }

  /**
   * Stops injecting once exhaustion started {@code grace} ago, or at once when the target process died; the responses
   * logged so far go to Gatling's stats first, and later ones as they come, as it takes none once stopped.
   */
  private static ChainBuilder stopWhenExhaustedOrLost(OnsetDetector onset, Duration grace, AtomicReference<Evidence.TargetDeath> died,
      BatchedResponses responses) {
    return stopLoadGeneratorIf(
        session -> died.get() != null ? "the target process died: stopping the injection"
            : "exhaustion started " + grace.toSeconds() + " s ago (load.exhaustionGrace): stopping the injection",
        session -> {
          boolean stop = died.get() != null || onset.graceElapsed(Instant.now());
          if (stop) {
            responses.handOverAtOnce();
          }
          return stop;
        });
  }

  /**
   * What the watchdog saves of a run it ends: the samples so far, and a note of why the summary is missing: its
   * reason, and when.
   */
  private static Consumer<String> flushOnAbort(String simulation, Instant startedAt, HarnessSettings settings, SecondTicker seconds,
      PortSampler sampler, HarnessFiles files) {
    return reason -> {
      seconds.close();
      sampler.close();
      Map<String, String> note = new LinkedHashMap<>();
      note.put("simulation", simulation);
      note.put("reason", reason);
      note.put("startedAt", startedAt.toString());
      note.put("endedAt", Instant.now().toString());
      note.put("bound", settings.load().maxDuration().toSeconds() + " s + drain + slack");
      files.writeJson("ended-by-watchdog.json", note);
      files.close();
    };
  }

  /** This process's descriptor limit, as the sampler read it (empty where there is none, as on Windows). */
  private Optional<Long> descriptorLimit() {
    return sampler.latestFull().flatMap(latest -> latest.totals().descriptors()).map(PortSample.Descriptors::max);
  }

  /**
   * Stops the workers, sampler, strategy and target; writes the per-second rows and closes the row files, so that
   * the verdict knows whether every file was written; gathers the evidence, judges, writes the summary; logs the
   * verdict and returns it. A summary that cannot be written makes the verdict inconclusive after all. What the
   * verdict does to the process is the caller's: the run only reports it.
   */
  public Verdict finish() {
    Instant endedAt = Instant.now();
    recorder.close();
    responses.close();
    progress.close();
    // The run's seconds end with it: a request still answering while the workers drain is left in flight, not counted,
    // so seconds ticked meanwhile would be empty rows past the run's end (and a fleet's merge would count them).
    seconds.close();
    metrics.closeSecond(); // the last part of a second
    try {
      workers.drain(WORKER_DRAIN_SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sampler.close();
    strategy.close();
    target.close();
    reserve.close();
    userStarts(); // the prediction of a run no virtual user started, made now
    Optional<OnsetRecord> onsetSeen = onsetCapture.recordWritten();
    files.writeCsv("requests.csv", SecondStats.class, metrics.perSecond());
    files.close();
    Optional<Prediction> prediction = model.current();
    Evidence evidence = RunEvidence.gather(new RunEvidence.Parts(startedAt, endedAt, Optional.ofNullable(targetDied.get()), metrics,
        onsetSeen, settings, samples.pace(), files.notWritten(), cpuAtStart, onsetCapture.cpuAtOnset()));
    VerdictJudge.Inputs judged = new VerdictJudge.Inputs(simulation, scenario, settings, prediction, onsetSeen, sampler.peaks(),
        metrics.unexplainedCounts(), new RequestsNotBuilt(metrics.notBuiltCount(), metrics.notBuiltRequests()), evidence);
    Verdict verdict = VerdictJudge.judge(judged);
    RunSummary summary = SummaryBuilder.build(new SummaryBuilder.Inputs(simulation, scenario, strategy.describe(), settings,
        launch.batch(), targetDescription, cleanStart, startedAt, endedAt, metrics, recorder.leftInFlight(), network,
        sampler.peaks(), descriptorLimit(), model.beforeLoad(), prediction, model.unit(), model.connectionFigures(), onsetSeen,
        evidence, verdict));
    LOG.info(SummaryBuilder.consoleText(summary));
    if (files.writeJson("summary.json", summary)) {
      LOG.info("harness files: {}", files.folder().orElseThrow());
    } else if (!files.notWritten().equals(evidence.filesNotWritten())) {
      verdict = VerdictJudge.judge(judged.withEvidence(RunEvidence.withFiles(evidence, files.notWritten())));
    }
    BatchComparison.refresh(launch, files.folder().map(Path::getParent));
    watchdog.close();
    if (verdict.status() == Verdict.Status.PASS || verdict.status() == Verdict.Status.INFO) {
      LOG.info(verdict.line());
    } else {
      LOG.error(verdict.line());
    }
    return verdict;
  }

  /**
   * Watches the Gatling report of this run, which ended with {@code code}, on this thread, Gatling's, which writes it
   * next ({@link CutReportWatch}): a report the disk cuts is then said as such. Keeps the run's folder and names only.
   */
  public void watchReport(ProcessExit.Code code) {
    files.folder().map(Path::getParent).ifPresent(runFolder -> CutReportWatch.watch(simulation, runFolder, launch,
        ComparisonWriter.folderOf(launch.resultsFolder(), scenario.family()), code,
        files.notWritten().stream().map(file -> String.valueOf(Path.of(file.path()).getFileName())).toList()));
  }
}
