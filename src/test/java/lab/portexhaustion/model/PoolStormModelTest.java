package lab.portexhaustion.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.portexhaustion.config.LoadProfile;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.config.SettingsLoader;
import lab.portexhaustion.config.StrategyKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Pooled clients at a server with a connection limit: what one client takes as it starts, and what a fleet of them does. */
class PoolStormModelTest {

  private static final LoadProfile LIGHT = new LoadProfile(2, 5, Duration.ofSeconds(5), Duration.ofSeconds(25), Duration.ofMinutes(2),
      Duration.ofSeconds(5), 8, 100);

  private static ResourceUse serverSlots(Map<String, String> settings, boolean streaming) {
    List<ResourceUse> uses = KnownUse.of(StrategyKind.POOLED, new ServerSide(false, streaming),
        SettingsLoader.load(settings, Path.of("no-harness.conf")), Duration.ofSeconds(60));
    return uses.stream().filter(u -> u.resource() == Resource.SERVER_CONNECTIONS).findFirst().orElseThrow();
  }

  @Test
  void aPoolTakesItsMinimumAndItsMonitorsAsItStarts() {
    ResourceUse warm = serverSlots(Map.of("pool.maxPoolSize", "20", "pool.minPoolSize", "20"), true);
    ResourceUse lazyPolling = serverSlots(Map.of("pool.maxPoolSize", "5", "pool.serverMonitoringMode", "poll"), false);

    assertThat(warm.atStart()).isEqualTo(22); // 20 + monitoring + round-trip time
    assertThat(warm.perRequest()).isZero();
    assertThat(warm.hold()).isEmpty();
    assertThat(lazyPolling.atStart()).isEqualTo(2); // the one connection its requests take in turn + the polling monitor
  }

  @Test
  void aClientWhoseStartingConnectionsDoNotFitIsRefusedAsItStarts() {
    ResourceUse pool = new ResourceUse(Resource.SERVER_CONNECTIONS, 0, Optional.empty(), "test", 22);

    Prediction refused = ExhaustionModel.predict(LIGHT, pool, 11);
    Prediction fits = ExhaustionModel.predict(LIGHT, pool, 33);
    Prediction exactly = ExhaustionModel.predict(LIGHT, pool, 22);

    assertThat(refused.expectation()).isEqualTo(Prediction.Outcome.EXHAUSTION);
    assertThat(refused.onsetSeconds()).contains(0.0);
    assertThat(refused.demandPercent()).isEqualTo(200.0);
    assertThat(refused.text()).contains("11 free, demand would peak at 22 (200 %) = 22 as the client starts, held until the run ends");
    assertThat(fits.expectation()).isEqualTo(Prediction.Outcome.CLEAN);
    assertThat(fits.onsetSeconds()).isEmpty();
    assertThat(exactly.onsetSeconds()).as("22 connections fit in 22 slots: the 23rd would be refused").isEmpty();
  }

  @Test
  void theFleetModelNamesTheFirstClientTheServerRefusesAndWhen() {
    FleetModel.FleetPrediction storm = FleetModel.predict(4, 22, 77, 0, Duration.ofSeconds(6));
    FleetModel.FleetPrediction busyServer = FleetModel.predict(4, 22, 77, 40, Duration.ofSeconds(6));
    FleetModel.FleetPrediction fix = FleetModel.predict(4, 2, 77, 0, Duration.ofSeconds(6));

    assertThat(storm.firstRefused()).contains(new FleetModel.Refused(4, 18.0)); // 3 x 22 = 66 fit, 88 do not
    assertThat(busyServer.firstRefused()).contains(new FleetModel.Refused(2, 6.0)); // 40 + 22 = 62 fit, 84 do not
    assertThat(fix.firstRefused()).isEmpty();
    assertThat(fix.text()).startsWith("every client fits: 4 x 2 + 0 = 8 of 77");
  }

  /** As many clients fit whatever the order they join in: the server refuses the one that joins after them. */
  @Test
  void withTheClientsActualJoinsTheModelRefusesTheOneThatJoinedAfterThoseThatFit() {
    FleetModel.FleetPrediction storm = FleetModel.predict(4, 22, 77, 0, Duration.ofSeconds(6));
    FleetModel.FleetPrediction fix = FleetModel.predict(4, 2, 77, 0, Duration.ofSeconds(6));

    assertThat(storm.firstRefusedJoining(Map.of())).isEqualTo(storm.firstRefused());
    assertThat(storm.firstRefusedJoining(Map.of(4, 22.34))).contains(new FleetModel.Refused(4, 22.3));
    assertThat(storm.firstRefusedJoining(Map.of(2, 19.0))).contains(new FleetModel.Refused(2, 19.0)); // 1, 3, 4 fit
    assertThat(storm.firstRefusedJoining(Map.of(2, 13.0, 3, 14.0))).contains(new FleetModel.Refused(4, 18.0));
    assertThat(storm.firstRefusedJoining(Map.of(1, 30.0))).contains(new FleetModel.Refused(1, 30.0));
    assertThat(fix.firstRefusedJoining(Map.of(2, 19.0))).isEmpty();
  }

  @Test
  void thePoolStormIsTheScenarioOfAPoolAgainstALimitedServer() {
    assertThat(Scenario.POOL_STORM.strategy()).isEqualTo(StrategyKind.POOLED);
    assertThat(Scenario.POOL_STORM.serverRefusalIsExhaustion()).isTrue();
  }
}
