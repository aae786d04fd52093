package lab.portexhaustion.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.TestSettings;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.StrategyKind;
import org.junit.jupiter.api.Test;

/**
 * A pool's ports level off at a plateau: between its least (one connection and its monitors) and its most (maxPoolSize,
 * bounded by the workers that run the requests, and its monitors), beyond the connections it held before the load.
 */
class PoolPlateauModelTest {

  private static final Duration TIME_WAIT = Duration.ofSeconds(60);
  private static final ServerSide STREAMING = new ServerSide(false, true);

  private static RunPredictor.Modelled pooled(HarnessSettings settings, int freePorts, int connectionsOpen, Visit visit) {
    StartingRoom room = new StartingRoom(freePorts, TIME_WAIT, Optional.of(20_000L), Optional.empty(), Optional.empty(), connectionsOpen);
    return RunPredictor.predict(settings.load(), KnownUse.of(StrategyKind.POOLED, STREAMING, settings, TIME_WAIT), room, visit)
        .orElseThrow();
  }

  @Test
  void elevenPortsAreTooCloseToCallBeforeTheLoad() {
    // The 11-port range: 5 ports in use before the load (the pool's first connection, its 2 monitors, 2 in TIME_WAIT from
    // the probe), 6 free. The pool may need 0 to 99 more: it fits only while its requests stay few at once.
    RunPredictor.Modelled pool = pooled(TestSettings.with(), 6, 3, Visit.ONE_REQUEST);

    assertThat(pool.use().resource()).isEqualTo(Resource.EPHEMERAL_PORTS);
    assertThat(pool.beforeLoad().plateau()).contains(new Plateau(0, 99));
    assertThat(pool.beforeLoad().expectation()).isEqualTo(Prediction.Outcome.TOO_CLOSE);
    assertThat(pool.beforeLoad().onsetSeconds()).as("nobody can say when a pool needs its seventh port").isEmpty();
    assertThat(pool.beforeLoad().text()).isEqualTo("too close to call (ephemeral ports: 6 free, a plateau of 0 to 99 more (0 % to 1650 %),"
        + " held until the run ends: a pool of 1 to 100 connections, as many as its requests run at once (minPoolSize 0,"
        + " maxPoolSize 100, load.workers 128), and 2 monitoring; 3 of them open before the load)");
  }

  @Test
  void aShareUnderOnePercentIsGivenWithItsTenthNotAsNothing() {
    // 28,232 free ports and a plateau of 0 to 99 more: at most 0.35 % of them.
    RunPredictor.Modelled pool = pooled(TestSettings.with(), 28_232, 3, Visit.ONE_REQUEST);

    assertThat(pool.beforeLoad().text()).contains("(ephemeral ports: 28,232 free, a plateau of 0 to 99 more (0 % to 0.4 %),");
  }

  @Test
  void theMeasuredPlateauDecidesAndIsNeverExtrapolated() {
    RunPredictor.Modelled pool = pooled(TestSettings.with(), 6, 3, Visit.ONE_REQUEST);

    Prediction levelledAtTen = pool.withMeasuredPlateau(5); // 10 of 11 ports: 5 more than before the load
    Prediction full = pool.withMeasuredPlateau(6);

    assertThat(levelledAtTen.expectation()).isEqualTo(Prediction.Outcome.CLEAN);
    assertThat(levelledAtTen.demandPercent()).isEqualTo(83.3);
    assertThat(levelledAtTen.onsetSeconds()).isEmpty();
    assertThat(levelledAtTen.text()).isEqualTo("clean (ephemeral ports: 6 free, a plateau of 5 more (83 %), held until the run ends:"
        + " measured)");
    assertThat(full.expectation()).as("a pool that took the last port may or may not have wanted one more").isEqualTo(
        Prediction.Outcome.TOO_CLOSE);
  }

  @Test
  void aThousandPortsHoldTheLargestPool() {
    // 100 pool connections and 2 monitoring, 3 of them open already: 99 more of 995 free, 10 %.
    Prediction clean = pooled(TestSettings.with(), 995, 3, Visit.ONE_REQUEST).beforeLoad();

    assertThat(clean.expectation()).isEqualTo(Prediction.Outcome.CLEAN);
    assertThat(clean.peakDemand()).isEqualTo(99);
    assertThat(clean.demandPercent()).isEqualTo(9.9);
  }

  @Test
  void thePoolIsNoLargerThanTheRequestsThatRunAtOnce() {
    Prediction fewWorkers = pooled(TestSettings.with("load.workers", "8"), 30, 3, Visit.ONE_REQUEST).beforeLoad();

    assertThat(fewWorkers.plateau()).contains(new Plateau(0, 7)); // 8 + 2 monitoring, 3 open
    assertThat(fewWorkers.expectation()).isEqualTo(Prediction.Outcome.CLEAN);
  }

  @Test
  void aPoolWhoseLeastDoesNotFitRunsOutAtOnce() {
    // minPoolSize 10 and 2 monitors, nothing open yet, 8 ports free: the pool's own minimum does not fit.
    Prediction refused = pooled(TestSettings.with("pool.minPoolSize", "10"), 8, 0, Visit.ONE_REQUEST).beforeLoad();

    assertThat(refused.plateau()).contains(new Plateau(12, 102));
    assertThat(refused.expectation()).isEqualTo(Prediction.Outcome.EXHAUSTION);
    assertThat(refused.onsetSeconds()).contains(0.0);
  }

  @Test
  void aPoolsPlateauDoesNotGrowWithTheVisitsRequests() {
    Prediction oneRequest = pooled(TestSettings.with(), 995, 3, Visit.ONE_REQUEST).beforeLoad();
    Prediction threeRequests = pooled(TestSettings.with(), 995, 3, new Visit(3, List.of(), 1)).beforeLoad();

    assertThat(threeRequests.plateau()).isEqualTo(oneRequest.plateau());
    assertThat(threeRequests.requestsPerVisit()).isEqualTo(3);
  }
}
