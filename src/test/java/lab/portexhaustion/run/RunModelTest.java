package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import lab.portexhaustion.TestSettings;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.model.KnownUse;
import lab.portexhaustion.model.Plateau;
import lab.portexhaustion.model.Prediction;
import lab.portexhaustion.model.ServerSide;
import lab.portexhaustion.model.Visit;
import lab.portexhaustion.sampler.EphemeralRange;
import lab.portexhaustion.sampler.FullSample;
import lab.portexhaustion.sampler.NetworkConditions;
import lab.portexhaustion.sampler.PortSample;
import org.junit.jupiter.api.Test;

/** The model of a run as the run feeds it: its room from the first sample, its prediction once a visit is known, then its samples. */
class RunModelTest {

  private static final Duration TIME_WAIT = Duration.ofSeconds(60);
  private static final ServerSide STREAMING = new ServerSide(false, true);

  private static NetworkConditions range(int low, int high) {
    return new NetworkConditions("Linux test", new EphemeralRange(low, high), TIME_WAIT, Optional.of(0), Optional.empty(),
        NetworkConditions.PortAllocation.PER_DESTINATION, "test");
  }

  /** A full sample with {@code open} connections and {@code timeWait} sockets toward the target, each on a port of its own. */
  private static FullSample sample(long millis, int rangeSize, int open, int timeWait) {
    int ports = open + timeWait;
    return new FullSample(millis, PortSample.Tier.FULL,
        new PortSample.Totals(Optional.empty(), Optional.empty(), rangeSize, Optional.of(new PortSample.Descriptors(214, 20_000))),
        new FullSample.TcpStates(open, timeWait, 0, 0, 0, 0, 0, 0), new FullSample.PortsInUse(ports, ports, 100.0 * ports / rangeSize),
        Optional.empty());
  }

  private static RunModel model(Scenario scenario, HarnessSettings settings, FullSample start, NetworkConditions network,
      AtomicReference<Visit> visit) {
    return RunModel.of(start, 0, Optional.empty(), KnownUse.of(scenario.strategy(), STREAMING, settings, TIME_WAIT), settings.load(),
        network, visit::get);
  }

  @Test
  void aPoolsWarmUpIsAPlateauNotATrend() {
    // The 11-port run: 3 connections open (a pool's first and its 2 monitors) and 2 ports in TIME_WAIT before the load. Its
    // pool grew by 3 at 8 s and by 2 more at 10 s, then held 10 of the 11 ports while the requests went on.
    HarnessSettings settings = TestSettings.with("verdict.enabled", "on");
    RunModel model = model(Scenario.POOLED, settings, sample(125, 11, 3, 2), range(40000, 40010), new AtomicReference<>(Visit.ONE_REQUEST));
    model.predict();
    model.observe(sample(8_300, 11, 6, 2), 300, 3);
    model.observe(sample(10_400, 11, 8, 2), 420, 5);
    model.observe(sample(16_500, 11, 8, 2), 900, 5);

    Prediction current = model.current().orElseThrow();

    assertThat(model.beforeLoad().orElseThrow().expectation()).isEqualTo(Prediction.Outcome.TOO_CLOSE);
    assertThat(current.isMeasured()).isTrue();
    assertThat(current.plateau()).contains(new Plateau(5, 5));
    assertThat(current.expectation()).as(current.text()).isEqualTo(Prediction.Outcome.CLEAN);
    assertThat(current.onsetSeconds()).as("5 ports over 900 visits is no rate of 0.01 per visit: no onset at 14.9 s").isEmpty();
  }

  @Test
  void thePredictionCountsTheVisitAsGatlingBuiltIt() {
    // Three requests per visit, a new client per request, 2,000 ports: the prediction is made when the first user starts,
    // once the scenario's three requests are counted, not when the run was built and none was.
    HarnessSettings settings = TestSettings.forScenario(Scenario.CLIENT_PER_REQUEST, "verdict.enabled", "on");
    AtomicReference<Visit> counted = new AtomicReference<>(Visit.ONE_REQUEST);
    RunModel model = model(Scenario.CLIENT_PER_REQUEST, settings, sample(120, 2000, 0, 5), range(40000, 41999), counted);
    counted.set(new Visit(3, List.of(), 1));
    model.predict();
    counted.set(Visit.ONE_REQUEST);

    Prediction beforeLoad = model.beforeLoad().orElseThrow();
    model.observe(sample(5_000, 2000, 8, 876), 98, 290); // 879 ports beyond the 5 before, over 98 visits served

    assertThat(model.predict()).as("made once").isFalse();
    assertThat(beforeLoad.requestsPerVisit()).isEqualTo(3);
    assertThat(beforeLoad.perVisit()).isEqualTo(9.0);
    assertThat(beforeLoad.onsetSeconds().orElseThrow()).isCloseTo(8.7, offset(0.1));
    assertThat(model.current().orElseThrow().text()).contains("= 8.97 per visit (measured) held 60 s");
  }

  @Test
  void aLoopIsWarnedOfWhereTheModelCountsPortsPerVisitAndNotForAPool() {
    Visit looping = new Visit(2, List.of("read page"), 1);
    HarnessSettings perRequest = TestSettings.forScenario(Scenario.CLIENT_PER_REQUEST, "verdict.enabled", "on");
    RunModel clients = model(Scenario.CLIENT_PER_REQUEST, perRequest, sample(120, 2000, 0, 5), range(40000, 41999),
        new AtomicReference<>(looping));
    RunModel pool = model(Scenario.POOLED, TestSettings.with("verdict.enabled", "on"), sample(125, 2000, 3, 2), range(40000, 41999),
        new AtomicReference<>(looping));
    clients.predict();
    pool.predict();

    assertThat(clients.visitWarning().orElseThrow()).startsWith("the request 'read page' is inside a loop")
        .contains("prediction before the load is low");
    assertThat(pool.beforeLoad().orElseThrow().plateau()).as("a pool's plateau, whatever the visits").isPresent();
    assertThat(pool.visitWarning()).as("a pool's connections do not grow with the loop: nothing of it is low").isEmpty();
  }

  @Test
  void nothingIsPredictedBeforeTheVisitIsKnown() {
    HarnessSettings settings = TestSettings.with();
    RunModel model = model(Scenario.POOLED, settings, sample(125, 1000, 3, 2), range(40000, 40999), new AtomicReference<>(Visit.ONE_REQUEST));
    model.observe(sample(1_100, 1000, 3, 2), 0, 0);

    assertThat(model.beforeLoad()).isEmpty();
    assertThat(model.current()).isEmpty();
  }
}
