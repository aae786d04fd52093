package lab.portexhaustion.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.portexhaustion.TestSettings;
import lab.portexhaustion.config.Expectation;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.ProtocolSettings;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.config.SettingsLoader;
import lab.portexhaustion.config.StrategyKind;
import lab.portexhaustion.failure.ErrorKind;
import lab.portexhaustion.measure.RunMetrics.ClassifiedErrorKey;
import lab.portexhaustion.measure.RunMetrics.NotBuiltRequest;
import lab.portexhaustion.model.KnownUse;
import lab.portexhaustion.model.Prediction;
import lab.portexhaustion.model.RunPredictor;
import lab.portexhaustion.model.ServerSide;
import lab.portexhaustion.model.StartingRoom;
import lab.portexhaustion.onset.OnsetRecord;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.sampler.SamplePeaks;
import org.junit.jupiter.api.Test;

class VerdictJudgeTest {

  private static final ServerSide EMBEDDED = new ServerSide(true, false);
  private static final Duration TIME_WAIT = Duration.ofSeconds(60);
  private static final SamplePeaks QUIET = new SamplePeaks(0.4, 4, 30, 3, 2, 2, 40, Optional.empty());
  private static final Map<ClassifiedErrorKey, Long> NO_FAILURES = Map.of();
  /** A normal run's pace on this project's busy 2-core machine (docs/verdict.md, "Evidence"). */
  private static final Evidence.Pace KEPT_UP = new Evidence.Pace(Optional.of(0.3), Optional.of(100.4), 100, Optional.of(420.0),
      Optional.of(4.0), Optional.of(9.0), Optional.of(0.1), Optional.of(96.0));
  private static final Evidence WHOLE = new Evidence(Optional.empty(), new Evidence.Answers(Optional.of(34.9), 0, 35.2), List.of(),
      KEPT_UP);

  /** The model's prediction for {@code scenario} under {@code settings}, with {@code freePorts} ports and 2,000 descriptors free. */
  private static Optional<Prediction> predicted(Scenario scenario, HarnessSettings settings, int freePorts) {
    StartingRoom room = new StartingRoom(freePorts, TIME_WAIT, Optional.of(2_000L),
        settings.embedded().limitsConnections() ? Optional.of(100) : Optional.empty(), Optional.empty());
    return RunPredictor.predict(settings.load(), KnownUse.of(scenario.strategy(), EMBEDDED, settings, TIME_WAIT), room)
        .map(RunPredictor.Modelled::beforeLoad);
  }

  private static OnsetRecord portsOnset(double seconds) {
    return new OnsetRecord("2026-11-25T00:00:00Z", seconds, "request", Optional.of("client"), "ephemeral ports", "EADDRNOTAVAIL",
        "EADDRNOTAVAIL Cannot assign requested address", "java.net.BindException", "Cannot assign requested address", 999, 997, 2, Optional.of(997L), 99,
        0, 1000, 1000, 1000, 0, 100.0, 1000, Optional.of(50L), Optional.of(1024L), Optional.of(1.0), Optional.empty(), Optional.of(16.7),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static Verdict judge(Scenario scenario, HarnessSettings settings, Optional<Prediction> prediction,
      Optional<OnsetRecord> onset, SamplePeaks peaks, Map<ClassifiedErrorKey, Long> unexplained) {
    return judge(scenario, settings, prediction, onset, peaks, unexplained, WHOLE);
  }

  private static Verdict judge(Scenario scenario, HarnessSettings settings, Optional<Prediction> prediction,
      Optional<OnsetRecord> onset, SamplePeaks peaks, Map<ClassifiedErrorKey, Long> unexplained, Evidence evidence) {
    return VerdictJudge.judge(new VerdictJudge.Inputs("Sim", scenario, settings, prediction, onset, peaks, unexplained,
        RequestsNotBuilt.NONE, evidence));
  }

  /** A pooled run, predicted clean and clean, with {@code evidence}. */
  private static Verdict pooledClean(HarnessSettings settings, Evidence evidence) {
    return judge(Scenario.POOLED, settings, predicted(Scenario.POOLED, settings, 1000), Optional.empty(), QUIET, NO_FAILURES, evidence);
  }

  private static Evidence withPace(Evidence.Pace pace) {
    return new Evidence(Optional.empty(), WHOLE.answers(), List.of(), pace);
  }

  @Test
  void aPredictedCleanRunPassesWhenClean() {
    // The incident's range: 3,976 ports, the default profile starts 2,550 requests within one TIME_WAIT.
    HarnessSettings settings = TestSettings.with("verdict.enabled", "on");
    Optional<Prediction> prediction = predicted(Scenario.RAW_SOCKET, settings, 3976);

    Verdict verdict = judge(Scenario.RAW_SOCKET, settings, prediction, Optional.empty(), QUIET, NO_FAILURES);

    assertThat(prediction).get().extracting(Prediction::expectation).isEqualTo(Prediction.Outcome.CLEAN);
    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.line()).startsWith("VERDICT PASS Sim: predicted clean (ephemeral ports: 3,976 free, demand would peak at 2,550 (64 %)")
        .contains("got no exhaustion");
  }

  @Test
  void aPredictedExhaustionThatDoesNotComeFails() {
    HarnessSettings settings = TestSettings.with("verdict.enabled", "on");
    Optional<Prediction> prediction = predicted(Scenario.RAW_SOCKET, settings, 1000);

    Verdict verdict = judge(Scenario.RAW_SOCKET, settings, prediction, Optional.empty(), QUIET, NO_FAILURES);

    assertThat(prediction.get().onsetSeconds().orElseThrow()).isBetween(19.0, 21.0);
    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.line()).startsWith("VERDICT FAIL Sim: predicted exhaustion at ").contains("got no exhaustion");
  }

  @Test
  void anExhaustedRunMustReachItsOnsetNearThePredictedTime() {
    HarnessSettings settings = TestSettings.with("verdict.enabled", "on");
    Optional<Prediction> prediction = predicted(Scenario.RAW_SOCKET, settings, 1000);
    double predicted = prediction.get().onsetSeconds().orElseThrow();

    Verdict onTime = judge(Scenario.RAW_SOCKET, settings, prediction, Optional.of(portsOnset(predicted * 1.05)), QUIET, NO_FAILURES);
    Verdict late = judge(Scenario.RAW_SOCKET, settings, prediction, Optional.of(portsOnset(predicted * 1.4)), QUIET, NO_FAILURES);

    assertThat(onTime.passed()).as(onTime.line()).isTrue();
    assertThat(onTime.line()).contains(String.format("got exhaustion at %.1f s, +5.0 %% (EADDRNOTAVAIL", predicted * 1.05));
    assertThat(late.passed()).isFalse();
    assertThat(late.line()).contains("more than the", "allowed (15 % or 1 s)");
  }

  @Test
  void aRunWhoseTargetStoppedAnsweringIsNotClean() {
    HarnessSettings settings = TestSettings.with("verdict.enabled", "on");
    Map<ClassifiedErrorKey, Long> lost = Map.of(new ClassifiedErrorKey(ErrorKind.TIMEOUT, "server selection"), 158L,
        new ClassifiedErrorKey(ErrorKind.SERVER_REFUSED, "closed by server"), 19L);

    Verdict verdict = judge(Scenario.POOLED, settings, predicted(Scenario.POOLED, settings, 1000), Optional.empty(), QUIET, lost);

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.line()).startsWith("VERDICT FAIL Sim: predicted clean")
        .contains("but 177 failures that are not exhaustion came before any", "158 [timeout] server selection");
  }

  @Test
  void oneFailureThatIsNotExhaustionIsSaidInTheSingular() {
    HarnessSettings settings = TestSettings.with("verdict.enabled", "on");
    Map<ClassifiedErrorKey, Long> one = Map.of(new ClassifiedErrorKey(ErrorKind.TIMEOUT, "server selection"), 1L);

    Verdict verdict = judge(Scenario.POOLED, settings, predicted(Scenario.POOLED, settings, 1000), Optional.empty(), QUIET, one);

    assertThat(verdict.line()).contains("; but 1 failure that is not exhaustion came before any (the target lost, refusing or too"
        + " slow?): 1 [timeout] server selection").doesNotContain("1 failures");
  }

  @Test
  void failedChecksFailTheVerdictWithoutBlamingTheTargetThatAnswered() {
    HarnessSettings settings = TestSettings.with("verdict.enabled", "on");
    ClassifiedErrorKey failedCheck = new ClassifiedErrorKey(ErrorKind.CHECK_FAILED, "check failed: read session: count is 1, got 0");
    Map<ClassifiedErrorKey, Long> checks = Map.of(failedCheck, 12L);
    Map<ClassifiedErrorKey, Long> mixed = Map.of(failedCheck, 12L, new ClassifiedErrorKey(ErrorKind.TIMEOUT, "server selection"), 3L);

    Verdict onlyChecks = judge(Scenario.POOLED, settings, predicted(Scenario.POOLED, settings, 1000), Optional.empty(), QUIET, checks);
    Verdict both = judge(Scenario.POOLED, settings, predicted(Scenario.POOLED, settings, 1000), Optional.empty(), QUIET, mixed);

    assertThat(onlyChecks.status()).isEqualTo(Verdict.Status.FAIL);
    assertThat(onlyChecks.line()).contains("; but 12 failures that are not exhaustion came before any (the target answered, but not as"
        + " the simulation's checks expect): 12 [check failed] check failed: read session").doesNotContain("target lost", "too slow");
    assertThat(both.status()).isEqualTo(Verdict.Status.FAIL);
    assertThat(both.line()).contains("(answers that failed the simulation's checks, and the target lost, refusing or too slow?)");
  }

  /**
   * Requests the harness turned away (its workers all busy) never reached the target: the load the verdict judges was
   * not sent, so the run is inconclusive, saying so first, and the target is not blamed.
   */
  @Test
  void requestsTheHarnessCouldNotSendMakeTheRunInconclusiveWithoutBlamingTheTarget() {
    HarnessSettings settings = TestSettings.with("verdict.enabled", "on");
    ClassifiedErrorKey saturated = new ClassifiedErrorKey(ErrorKind.HARNESS_SATURATED, "harness saturated: worker queue full");

    Verdict alone = judge(Scenario.POOLED, settings, predicted(Scenario.POOLED, settings, 1000), Optional.empty(), QUIET,
        Map.of(saturated, 44_139L));
    Verdict withTimeouts = judge(Scenario.POOLED, settings, predicted(Scenario.POOLED, settings, 1000), Optional.empty(), QUIET,
        Map.of(saturated, 5L, new ClassifiedErrorKey(ErrorKind.TIMEOUT, "server selection"), 3L));
    Verdict unchecked = judge(Scenario.POOLED, TestSettings.with("verdict.enabled", "off"),
        predicted(Scenario.POOLED, settings, 1000), Optional.empty(), QUIET, Map.of(saturated, 1L));

    assertThat(alone.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
    assertThat(alone.evidenceProblems()).extracting(EvidenceProblem::kind).containsExactly(EvidenceProblem.Kind.HARNESS_SATURATED);
    assertThat(alone.line()).startsWith("VERDICT INCONCLUSIVE Sim: the harness could not send 44,139 requests, its workers all"
            + " busy (harness saturated): lower load.peakRate, or spread the load over several load generators; not judged:"
            + " predicted clean")
        .contains("(requests the harness could not send: not the target's)").doesNotContain("target lost", "too slow");
    assertThat(withTimeouts.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
    assertThat(withTimeouts.line()).contains("the harness could not send 5 requests,",
        "(requests the harness could not send, and the target lost, refusing or too slow?)");
    assertThat(unchecked.status()).isEqualTo(Verdict.Status.INFO);
    assertThat(unchecked.line()).contains("; evidence: the harness could not send 1 request, its workers all busy");
  }

  @Test
  void requestsTheSimulationCouldNotBuildFailTheVerdictAsItsMistakeNotTheTargets() {
    HarnessSettings settings = TestSettings.with("verdict.enabled", "on");
    RequestsNotBuilt notBuilt = new RequestsNotBuilt(45, List.of(new NotBuiltRequest("find user", 45,
        "find user: the filter of 'find user': No attribute named 'user' is defined")));

    Verdict verdict = VerdictJudge.judge(new VerdictJudge.Inputs("Sim", Scenario.POOLED, settings,
        predicted(Scenario.POOLED, settings, 1000), Optional.empty(), QUIET, NO_FAILURES, notBuilt, WHOLE));

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
    assertThat(verdict.line()).contains("; but 45 requests could not be built, so nothing was sent for them (the simulation's mistake,"
        + " not the target's), the first: find user: the filter of 'find user': No attribute named 'user' is defined")
        .doesNotContain("the target lost", "refusing or too slow");
  }

  @Test
  void everyRequestTheSimulationCouldNotBuildIsNamedUpToThreeAndTheRestCounted() {
    HarnessSettings settings = TestSettings.with("verdict.enabled", "on");
    NotBuiltRequest find = new NotBuiltRequest("find user", 40, "find user: No attribute named 'user' is defined");
    NotBuiltRequest save = new NotBuiltRequest("save session", 1, "save session: No attribute named 'hits' is defined");
    NotBuiltRequest count = new NotBuiltRequest("count", 2, "count: bad filter");
    NotBuiltRequest drop = new NotBuiltRequest("drop", 3, "drop: bad name");

    Verdict two = judgeNotBuilt(settings, new RequestsNotBuilt(41, List.of(find, save)));
    Verdict four = judgeNotBuilt(settings, new RequestsNotBuilt(46, List.of(find, save, count, drop)));

    assertThat(two.status()).isEqualTo(Verdict.Status.FAIL);
    assertThat(two.line()).contains("; but 41 requests could not be built, so nothing was sent for them (the simulation's mistake,"
        + " not the target's), 2 of the simulation's requests: 'find user' 40 times, the first: find user: No attribute named"
        + " 'user' is defined; 'save session' once, the first: save session: No attribute named 'hits' is defined");
    assertThat(four.line()).contains("'count' 2 times, the first: count: bad filter; and 1 more (the run's summary lists every one)")
        .contains("4 of the simulation's requests").doesNotContain("drop: bad name");
  }

  private static Verdict judgeNotBuilt(HarnessSettings settings, RequestsNotBuilt notBuilt) {
    return VerdictJudge.judge(new VerdictJudge.Inputs("Sim", Scenario.POOLED, settings,
        predicted(Scenario.POOLED, settings, 1000), Optional.empty(), QUIET, NO_FAILURES, notBuilt, WHOLE));
  }

  /** An expectation a simulation's .expect(...) fixed: the line names that simulation, not a setting the user never wrote. */
  @Test
  void anExpectationFixedInTheSimulationIsSaidToComeFromIt() {
    ProtocolSettings protocol = ProtocolSettings.of("OrdersSimulation", StrategyKind.CLIENT_PER_REQUEST).with(Expectation.CLEAN);
    HarnessSettings settings = SettingsLoader.load(Map.of("verdict.enabled", "on"), Path.of("target/no-such-harness.conf"), protocol);

    Verdict missed = judge(protocol.scenario(), settings, predicted(protocol.scenario(), settings, 1000), Optional.empty(), QUIET,
        NO_FAILURES);

    assertThat(missed.line()).contains("expected clean (fixed: verdict.client-per-request=clean, set by OrdersSimulation's MongoDsl"
        + " protocol; the model predicts ");
  }

  @Test
  void fixedExpectationsOverrideTheModelAndSayWhatItPredicts() {
    HarnessSettings clean = TestSettings.with("verdict.enabled", "on", "verdict.pooled", "clean");
    HarnessSettings exhaustion = TestSettings.with("verdict.enabled", "on", "verdict.pooled", "exhaustion");

    Verdict met = judge(Scenario.POOLED, clean, predicted(Scenario.POOLED, clean, 1000), Optional.empty(), QUIET, NO_FAILURES);
    Verdict missed = judge(Scenario.POOLED, exhaustion, predicted(Scenario.POOLED, exhaustion, 1000), Optional.empty(), QUIET, NO_FAILURES);

    assertThat(met.passed()).isTrue();
    assertThat(met.line()).contains("expected clean (fixed: verdict.pooled=clean; the model predicts clean (ephemeral ports");
    assertThat(missed.passed()).isFalse();
    assertThat(missed.line()).startsWith("VERDICT FAIL Sim: expected exhaustion (fixed: verdict.pooled=exhaustion");
  }

  @Test
  void pooledMustStayWithinItsPool() {
    HarnessSettings settings = TestSettings.with("verdict.enabled", "on", "pool.maxPoolSize", "10");
    SamplePeaks overPool = new SamplePeaks(1.5, 15, 40, 13, 2, 2, 40, Optional.empty());

    Verdict tooMany = judge(Scenario.POOLED, settings, predicted(Scenario.POOLED, settings, 1000), Optional.empty(), overPool, NO_FAILURES);

    assertThat(tooMany.passed()).isFalse();
    assertThat(tooMany.line()).contains("maxPoolSize 10 + 2 monitoring", "peak 13 open sockets");
  }

  @Test
  void withinTheModelsMarginEitherOutcomePasses() {
    // 1.00 port per request, 2,550 requests within TIME_WAIT: 2,550 free ports is exactly the peak demand.
    HarnessSettings settings = TestSettings.with("verdict.enabled", "on");
    Optional<Prediction> prediction = predicted(Scenario.RAW_SOCKET, settings, 2550);

    assertThat(prediction.get().expectation()).isEqualTo(Prediction.Outcome.TOO_CLOSE);
    assertThat(judge(Scenario.RAW_SOCKET, settings, prediction, Optional.empty(), QUIET, NO_FAILURES).passed()).isTrue();
    assertThat(judge(Scenario.RAW_SOCKET, settings, prediction, Optional.of(portsOnset(34)), QUIET, NO_FAILURES).line())
        .startsWith("VERDICT PASS Sim: predicted too close to call");
  }

  @Test
  void uncheckedExpectationsOnlyReport() {
    HarnessSettings off = TestSettings.with("verdict.enabled", "off");

    Verdict verdict = judge(Scenario.RAW_SOCKET, off, predicted(Scenario.RAW_SOCKET, off, 1000), Optional.empty(), QUIET, NO_FAILURES);

    assertThat(verdict.checked()).isFalse();
    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.line()).startsWith("VERDICT INFO").contains("verdict.enabled=off");
  }

  /**
   * -Dverdict.pooled=any with the expectations on: the line names the expectation as why nothing was checked, not the
   * switch, which was on (it said "not checked: verdict.enabled=on, or expectation any").
   */
  @Test
  void anExpectationOfAnythingIsNamedAloneAsWhyNothingWasChecked() {
    HarnessSettings any = TestSettings.with("verdict.enabled", "on", "verdict.pooled", "any");
    HarnessSettings anyAndOff = TestSettings.with("verdict.enabled", "off", "verdict.pooled", "any");

    Verdict on = judge(Scenario.POOLED, any, predicted(Scenario.POOLED, any, 1000), Optional.empty(), QUIET, NO_FAILURES);
    Verdict off = judge(Scenario.POOLED, anyAndOff, predicted(Scenario.POOLED, anyAndOff, 1000), Optional.empty(), QUIET, NO_FAILURES);

    assertThat(on.line()).startsWith("VERDICT INFO").endsWith("(expectations not checked: expectation any)");
    assertThat(off.line()).endsWith("(expectations not checked: verdict.enabled=off, and expectation any)");
  }

  @Test
  void keepAliveAgainstAnIdleTimeoutIsPredictedCleanAndMustStayWithinRateTimesTimeout() {
    HarnessSettings idleTimeout = TestSettings.forScenario(Scenario.KEEP_ALIVE_IDLE_TIMEOUT, "verdict.enabled", "on",
        "load.peakRate", "100", "scenario.keep-alive-idle-timeout.embedded.idleTimeout", "5s");
    Optional<Prediction> prediction = predicted(Scenario.KEEP_ALIVE_IDLE_TIMEOUT, idleTimeout, 1000);
    SamplePeaks bounded = new SamplePeaks(2.0, 520, 530, 540, 3, 3, 1300, Optional.empty());
    SamplePeaks unbounded = new SamplePeaks(3.0, 700, 710, 700, 3, 3, 1700, Optional.of(426L));

    Verdict within = judge(Scenario.KEEP_ALIVE_IDLE_TIMEOUT, idleTimeout, prediction, Optional.empty(), bounded, NO_FAILURES);
    Verdict beyond = judge(Scenario.KEEP_ALIVE_IDLE_TIMEOUT, idleTimeout, prediction, Optional.empty(), unbounded, NO_FAILURES);

    // 2 descriptors per connection (both ends in one process) x 100/s x 5 s = 1,000 of 2,000.
    assertThat(prediction.get().resource()).isEqualTo("descriptors");
    assertThat(prediction.get().peakDemand()).isEqualTo(1000);
    assertThat(within.passed()).as(within.line()).isTrue();
    assertThat(within.line()).contains("open connections at most 550, 110 % of peak rate 100/s x idle timeout 5.0 s = 500");
    assertThat(beyond.passed()).isFalse();
    assertThat(beyond.line()).contains("peak 700 open sockets");
    // The server's own peak, where the harness runs it; none where it does not.
    assertThat(beyond.line()).contains("peak 1700 descriptors open, peak 426 descriptors open in the server process");
    assertThat(within.line()).contains("peak 1300 descriptors open").doesNotContain("in the server process");
  }

  @Test
  void keepAliveWithoutTimeoutIsPredictedToRunOutOfDescriptors() {
    HarnessSettings checked = TestSettings.forScenario(Scenario.KEEP_ALIVE, "verdict.enabled", "on");
    Optional<Prediction> prediction = predicted(Scenario.KEEP_ALIVE, checked, 1000);
    OnsetRecord descriptors = new OnsetRecord("2026-11-25T00:00:00Z", prediction.get().onsetSeconds().orElseThrow(), "request",
        Optional.of("client"), "descriptors", "EMFILE", "EMFILE Too many open files", "java.net.SocketException", "Too many open files",
        880, 879, 1, Optional.of(879L), 100, 0, 880, 880, 0, 880, 3.1, 28232, Optional.of(2048L), Optional.of(2048L), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    Verdict met = judge(Scenario.KEEP_ALIVE, checked, prediction, Optional.of(descriptors), QUIET, NO_FAILURES);
    Verdict missed = judge(Scenario.KEEP_ALIVE, checked, prediction, Optional.empty(), QUIET, NO_FAILURES);

    assertThat(met.passed()).as(met.line()).isTrue();
    assertThat(met.line()).contains("predicted exhaustion at", "(descriptors: 2,000 free", "(EMFILE", "2048 descriptors open");
    assertThat(missed.passed()).isFalse();
  }

  @Test
  void aPoolRefusedAsItStartsPassesWithinASecondOfItsStart() {
    HarnessSettings settings = TestSettings.forScenario(Scenario.POOL_STORM, "verdict.enabled", "on", "pool.maxPoolSize", "20",
        "pool.minPoolSize", "20");
    StartingRoom elevenSlotsLeft = new StartingRoom(1000, TIME_WAIT, Optional.of(2_000L), Optional.of(11), Optional.empty());
    Optional<Prediction> prediction = RunPredictor.predict(settings.load(),
        KnownUse.of(Scenario.POOL_STORM.strategy(), new ServerSide(false, true), settings, TIME_WAIT), elevenSlotsLeft)
        .map(RunPredictor.Modelled::beforeLoad);
    OnsetRecord refused = new OnsetRecord("2026-11-30T00:00:00Z", 0.0, "driver monitor", Optional.of("server"), "server refused",
        "closed", "closed by server: end of stream before the reply", "com.mongodb.MongoSocketReadException",
        "Prematurely reached end of stream", 0, 0, 0, Optional.empty(), 2, 0, 13, 13, 13, 0, 0.3, 1000, Optional.of(217L), Optional.of(20000L),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    Verdict verdict = judge(Scenario.POOL_STORM, settings, prediction, Optional.of(refused), QUIET, NO_FAILURES);

    assertThat(prediction.get().resource()).isEqualTo("server connection slots");
    assertThat(prediction.get().onsetSeconds()).contains(0.0);
    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.line()).contains("got exhaustion at 0.0 s, +0.0 s (closed");
  }

  /** A server that refuses the monitor's first connection: one port in use toward it, which the line gave as "1 ports". */
  @Test
  void anOnsetWithOnePortInUseSaysOnePort() {
    HarnessSettings settings = TestSettings.forScenario(Scenario.POOL_STORM, "verdict.enabled", "on");
    OnsetRecord refused = new OnsetRecord("2026-11-30T00:00:00Z", 0.0, "driver monitor", Optional.of("server"), "server refused",
        "closed", "closed by server: end of stream before the reply", "com.mongodb.MongoSocketReadException",
        "Prematurely reached end of stream", 0, 0, 0, Optional.empty(), 2, 0, 1, 1, 0, 1, 0.1, 1000, Optional.of(217L), Optional.of(20000L),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    Verdict verdict = judge(Scenario.POOL_STORM, settings, Optional.empty(), Optional.of(refused), QUIET, NO_FAILURES);

    assertThat(verdict.line()).contains("(closed, 1 port in use toward the target, 217 descriptors open)");
  }

  /** The onset's descriptor count in the same line: "1 descriptors open" at a count of one, "n/a descriptors open" when unknown. */
  @Test
  void anOnsetWithOneDescriptorOpenSaysOneDescriptor() {
    HarnessSettings settings = TestSettings.forScenario(Scenario.POOL_STORM, "verdict.enabled", "on");
    OnsetRecord one = new OnsetRecord("2026-11-30T00:00:00Z", 0.0, "driver monitor", Optional.of("server"), "server refused",
        "closed", "closed by server: end of stream before the reply", "com.mongodb.MongoSocketReadException",
        "Prematurely reached end of stream", 0, 0, 0, Optional.empty(), 2, 0, 1, 1, 0, 1, 0.1, 1000, Optional.of(1L), Optional.of(20000L),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    OnsetRecord unknown = new OnsetRecord("2026-11-30T00:00:00Z", 0.0, "driver monitor", Optional.of("server"), "server refused",
        "closed", "closed by server: end of stream before the reply", "com.mongodb.MongoSocketReadException",
        "Prematurely reached end of stream", 0, 0, 0, Optional.empty(), 2, 0, 1, 1, 0, 1, 0.1, 1000, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    assertThat(judge(Scenario.POOL_STORM, settings, Optional.empty(), Optional.of(one), QUIET, NO_FAILURES).line())
        .contains("(closed, 1 port in use toward the target, 1 descriptor open)");
    assertThat(judge(Scenario.POOL_STORM, settings, Optional.empty(), Optional.of(unknown), QUIET, NO_FAILURES).line())
        .contains("(closed, 1 port in use toward the target, n/a descriptors open)");
  }

  @Test
  void aTargetProcessThatDiedMakesTheRunInconclusiveInEveryModeWithItsMomentAndSignal() {
    Evidence died = new Evidence(Optional.of(new Evidence.TargetDeath(10.2, "signal 9")),
        new Evidence.Answers(Optional.of(10.1), 287, 31.6), List.of(), KEPT_UP);

    for (Verdict verdict : checkedAndNot(died)) {
      assertThat(verdict.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
      assertThat(verdict.passed()).isFalse();
      assertThat(verdict.exitCode()).isEqualTo(ProcessExit.Code.TARGET_LOST);
      assertThat(verdict.line()).startsWith("VERDICT INCONCLUSIVE Sim: the target process died at 10.2 s (signal 9); not judged:"
          + " predicted clean");
    }
  }

  /** The verdicts on {@code evidence} of a pooled run predicted clean, with its expectations checked and without. */
  private static List<Verdict> checkedAndNot(Evidence evidence) {
    return List.of(pooledClean(TestSettings.with("verdict.enabled", "on"), evidence),
        pooledClean(TestSettings.with("verdict.enabled", "off"), evidence));
  }

  @Test
  void aTargetThatAnsweredThenAnsweredNothingToTheEndWasLost() {
    HarnessSettings settings = TestSettings.with("verdict.enabled", "off");
    Evidence silent = new Evidence(Optional.empty(), new Evidence.Answers(Optional.of(8.0), 1_334, 31.6), List.of(), KEPT_UP);
    Evidence lateTimeouts = new Evidence(Optional.empty(), new Evidence.Answers(Optional.of(29.5), 40, 31.6), List.of(), KEPT_UP);
    Evidence fewTimeouts = new Evidence(Optional.empty(), new Evidence.Answers(Optional.of(20.0), 9, 31.6), List.of(), KEPT_UP);

    Verdict lost = pooledClean(settings, silent);

    assertThat(lost.exitCode()).isEqualTo(ProcessExit.Code.TARGET_LOST);
    assertThat(lost.line()).startsWith("VERDICT INCONCLUSIVE Sim: the target stopped answering at 8.0 s: no request succeeded in the"
        + " 23.6 s after, 1,334 timed out or were refused");
    assertThat(pooledClean(settings, lateTimeouts).status()).as("2.1 s of silence at the end").isEqualTo(Verdict.Status.INFO);
    assertThat(pooledClean(settings, fewTimeouts).status()).as("9 requests unanswered").isEqualTo(Verdict.Status.INFO);
  }

  @Test
  void aResultsFileNotWrittenMakesTheRunInconclusiveInEveryModeNamingThePathAndTheCause() {
    String harness = "/r/pooledsimulation-1/harness/";
    Evidence full = new Evidence(Optional.empty(), WHOLE.answers(), List.of(
        new Evidence.FileNotWritten(harness + "ports.csv", "No space left on device (ENOSPC)"),
        new Evidence.FileNotWritten(harness + "requests.csv", "No space left on device (ENOSPC)"),
        new Evidence.FileNotWritten(harness + "summary.json", "No space left on device (ENOSPC)")), KEPT_UP);

    for (Verdict verdict : checkedAndNot(full)) {
      assertThat(verdict.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
      assertThat(verdict.exitCode()).isEqualTo(ProcessExit.Code.INCONCLUSIVE);
      assertThat(verdict.line()).startsWith("VERDICT INCONCLUSIVE Sim: could not write ports.csv, requests.csv and summary.json in"
          + " /r/pooledsimulation-1/harness: No space left on device (ENOSPC); not judged:");
    }
  }

  @Test
  void aMachineThatCouldNotKeepUpMakesACheckedVerdictInconclusiveNotAFailure() {
    HarnessSettings checked = TestSettings.with("verdict.enabled", "on");
    Optional<Prediction> exhaustion = predicted(Scenario.RAW_SOCKET, checked, 1000);
    // Three clients on two cores: the requests waited for a CPU, and the expected onset did not come in time.
    Evidence starved = withPace(new Evidence.Pace(Optional.of(4.2), Optional.of(104.0), 100, Optional.of(900.0), Optional.of(19.0),
        Optional.of(282.0), Optional.of(0.0), Optional.of(100.0)));

    Verdict verdict = judge(Scenario.RAW_SOCKET, checked, exhaustion, Optional.empty(), QUIET, NO_FAILURES, starved);
    Verdict onWholeEvidence = judge(Scenario.RAW_SOCKET, checked, exhaustion, Optional.empty(), QUIET, NO_FAILURES);

    assertThat(onWholeEvidence.status()).isEqualTo(Verdict.Status.FAIL);
    assertThat(verdict.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
    assertThat(verdict.exitCode()).isEqualTo(ProcessExit.Code.INCONCLUSIVE);
    assertThat(verdict.line()).startsWith("VERDICT INCONCLUSIVE Sim: this machine could not keep up (the requests fell 4.2 s behind"
        + " the injection profile, more than 2.0 s; OK-latency p50 rose from 19 ms in the first seconds to 282 ms, more than the"
        + " 190 ms allowed); not judged: predicted exhaustion at");
  }

  @Test
  void aClientStarvedFromItsFirstSecondIsInconclusiveWhereABusyMachinesRequestsTookATenthOfTheOnsetsTolerance() {
    HarnessSettings checked = TestSettings.with("verdict.enabled", "on");
    Optional<Prediction> exhaustion = predicted(Scenario.RAW_SOCKET, checked, 1000);
    double predicted = exhaustion.get().onsetSeconds().orElseThrow();
    double tolerance = Math.max(0.15 * predicted, 1.0);
    Optional<OnsetRecord> late = Optional.of(portsOnset(predicted * 1.26));
    // Client 3 of three on two cores shared with other builds: starved from its first second, so its latency did not
    // grow over the run (1,631 ms, then 1,107 ms), and its onset came 26 % late.
    Evidence.Pace starved = new Evidence.Pace(Optional.of(0.0), Optional.of(99.96), 100, Optional.of(1732.0), Optional.of(1631.0),
        Optional.of(1107.0), Optional.of(1.3), Optional.of(99.9));
    Evidence.Pace slowServerIdleMachine = new Evidence.Pace(starved.injectionLagSeconds(), starved.samplerIntervalMillis(), 100,
        starved.samplerLongestGapMillis(), starved.okLatencyFirstMillis(), starved.okLatencyLaterMillis(), starved.cpuStealPercent(),
        Optional.of(35.0));

    Verdict onAStarvedMachine = judge(Scenario.RAW_SOCKET, checked, exhaustion, late, QUIET, NO_FAILURES, withPace(starved));
    Verdict againstASlowServer = judge(Scenario.RAW_SOCKET, checked, exhaustion, late, QUIET, NO_FAILURES,
        withPace(slowServerIdleMachine));
    Verdict onABusyMachineThatKeptUp = judge(Scenario.RAW_SOCKET, checked, exhaustion, late, QUIET, NO_FAILURES);

    assertThat(onAStarvedMachine.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
    assertThat(onAStarvedMachine.line()).startsWith(String.format("VERDICT INCONCLUSIVE Sim: this machine could not keep up (the CPU"
        + " was 100 %% busy and OK-latency p50 reached 1631 ms, more than %.0f ms (a tenth of the %.1f s the onset may be off));"
        + " not judged: predicted exhaustion at", 100 * tolerance, tolerance));
    assertThat(againstASlowServer.status()).as("slow requests on a machine with CPU to spare: the onset is judged")
        .isEqualTo(Verdict.Status.FAIL);
    assertThat(onABusyMachineThatKeptUp.status()).as("96 % busy, 9 ms: judged").isEqualTo(Verdict.Status.FAIL);
    assertThat(onABusyMachineThatKeptUp.line()).contains("the onset is", "from the prediction");
  }

  /**
   * An onset in the run's first seconds leaves no OK latency to measure: on a machine 90 % busy or more, a missed onset
   * is then not blamed on the model; on one with CPU to spare it is judged.
   */
  @Test
  void aBusyMachineWhoseLatencyCouldNotBeMeasuredLeavesAMissedOnsetInconclusive() {
    HarnessSettings checked = TestSettings.with("verdict.enabled", "on");
    Optional<Prediction> exhaustion = predicted(Scenario.RAW_SOCKET, checked, 1000);
    double predicted = exhaustion.get().onsetSeconds().orElseThrow();
    Optional<OnsetRecord> late = Optional.of(portsOnset(predicted * 1.26));
    Evidence.Pace busyUnmeasured = new Evidence.Pace(Optional.of(0.1), Optional.of(100.2), 100, Optional.of(300.0),
        Optional.empty(), Optional.empty(), Optional.of(0.5), Optional.of(97.0));
    Evidence.Pace idleUnmeasured = new Evidence.Pace(busyUnmeasured.injectionLagSeconds(), busyUnmeasured.samplerIntervalMillis(),
        100, busyUnmeasured.samplerLongestGapMillis(), Optional.empty(), Optional.empty(), Optional.of(0.5), Optional.of(58.0));

    Verdict busy = judge(Scenario.RAW_SOCKET, checked, exhaustion, late, QUIET, NO_FAILURES, withPace(busyUnmeasured));
    Verdict idle = judge(Scenario.RAW_SOCKET, checked, exhaustion, late, QUIET, NO_FAILURES, withPace(idleUnmeasured));

    assertThat(busy.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
    assertThat(busy.line()).startsWith("VERDICT INCONCLUSIVE Sim: this machine could not keep up (the CPU was 97 % busy, and OK"
        + " latency could not be measured (too few seconds of OK requests before the onset, or the end) to show the requests were not kept"
        + " waiting); not judged: predicted exhaustion at");
    assertThat(idle.status()).as("CPU to spare: the onset is judged").isEqualTo(Verdict.Status.FAIL);
  }

  @Test
  void aSaturatedMachinesSlowRequestsLeaveAnOnsetWithinItsToleranceJudged() {
    HarnessSettings checked = TestSettings.with("verdict.enabled", "on");
    Optional<Prediction> exhaustion = predicted(Scenario.RAW_SOCKET, checked, 1000);
    double predicted = exhaustion.get().onsetSeconds().orElseThrow();
    Evidence starved = withPace(new Evidence.Pace(Optional.of(0.0), Optional.of(99.96), 100, Optional.of(1732.0),
        Optional.of(1631.0), Optional.of(1107.0), Optional.of(1.3), Optional.of(99.9)));

    Verdict onTime = judge(Scenario.RAW_SOCKET, checked, exhaustion, Optional.of(portsOnset(predicted * 1.05)), QUIET, NO_FAILURES,
        starved);
    Verdict predictedClean = pooledClean(checked, starved);

    assertThat(onTime.status()).as("the onset came within its tolerance: nothing blurred it enough").isEqualTo(Verdict.Status.PASS);
    assertThat(predictedClean.status()).as("no onset is held to a moment: the rule has nothing to blur").isEqualTo(Verdict.Status.PASS);
  }

  @Test
  void aMachineThatCouldNotKeepUpOnlyAddsANoteWhenExpectationsAreNotChecked() {
    Evidence stalled = withPace(new Evidence.Pace(Optional.of(0.2), Optional.of(180.0), 100, Optional.of(5600.0), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty()));

    Verdict verdict = pooledClean(TestSettings.with("verdict.enabled", "off"), stalled);

    assertThat(verdict.status()).isEqualTo(Verdict.Status.INFO);
    assertThat(verdict.exitCode()).isEqualTo(ProcessExit.Code.DONE);
    assertThat(verdict.line()).startsWith("VERDICT INFO Sim: predicted clean")
        .contains("; evidence: this machine could not keep up (the sampler took 180 ms per sample on average, set to 100 ms;"
            + " the sampler stalled for 5.6 s, more than 5.0 s)");
  }

  @Test
  void eachPaceThresholdTripsOnItsOwnAndStolenTimeAloneDoesNot() {
    HarnessSettings checked = TestSettings.with("verdict.enabled", "on");
    Evidence.Pace normal = KEPT_UP;

    assertThat(pooledClean(checked, withPace(normal)).status()).isEqualTo(Verdict.Status.PASS);
    assertThat(pooledClean(checked, withPace(new Evidence.Pace(Optional.of(2.1), normal.samplerIntervalMillis(), 100,
        normal.samplerLongestGapMillis(), normal.okLatencyFirstMillis(), normal.okLatencyLaterMillis(), normal.cpuStealPercent(),
        normal.cpuBusyPercent()))).line()).contains("the requests fell 2.1 s behind the injection profile");
    assertThat(pooledClean(checked, withPace(new Evidence.Pace(normal.injectionLagSeconds(), Optional.of(151.0), 100,
        normal.samplerLongestGapMillis(), normal.okLatencyFirstMillis(), normal.okLatencyLaterMillis(), normal.cpuStealPercent(),
        normal.cpuBusyPercent()))).line()).contains("the sampler took 151 ms per sample on average");
    assertThat(pooledClean(checked, withPace(new Evidence.Pace(normal.injectionLagSeconds(), normal.samplerIntervalMillis(), 100,
        Optional.of(5001.0), normal.okLatencyFirstMillis(), normal.okLatencyLaterMillis(), normal.cpuStealPercent(),
        normal.cpuBusyPercent()))).line()).contains("the sampler stalled for 5.0 s");
    assertThat(pooledClean(checked, withPace(new Evidence.Pace(normal.injectionLagSeconds(), normal.samplerIntervalMillis(), 100,
        normal.samplerLongestGapMillis(), Optional.of(4.0), Optional.of(105.0), normal.cpuStealPercent(),
        normal.cpuBusyPercent()))).line()).contains("OK-latency p50 rose from 4 ms in the first seconds to 105 ms, more than the 104 ms");
    assertThat(pooledClean(checked, withPace(new Evidence.Pace(Optional.of(0.0), Optional.of(100.0), 100, Optional.of(242.0),
        Optional.of(10.1), Optional.of(8.3), Optional.of(13.0), Optional.of(42.0)))).status())
        .as("13 % of the CPU stolen while the run kept its schedule, its sampler and its latency (CI, 2026-12-03): it kept up")
        .isEqualTo(Verdict.Status.PASS);
    assertThat(pooledClean(checked, withPace(new Evidence.Pace(Optional.of(2.0), Optional.of(150.0), 100, Optional.of(5000.0),
        Optional.of(4.0), Optional.of(104.0), Optional.of(10.0), Optional.of(100.0)))).status())
        .as("every figure at its threshold, none past it; a machine 100 % busy that kept up").isEqualTo(Verdict.Status.PASS);
  }
}
