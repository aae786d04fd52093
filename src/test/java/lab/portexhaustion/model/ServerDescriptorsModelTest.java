package lab.portexhaustion.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.TestSettings;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.config.StrategyKind;
import org.junit.jupiter.api.Test;

/** Which side the model says runs out, when the server has descriptors of its own. */
class ServerDescriptorsModelTest {

  private static final Duration TIME_WAIT = Duration.ofSeconds(60);
  private static final ServerSide OWN_PROCESS = new ServerSide(false, true);
  private static final ServerSide SAME_PROCESS = new ServerSide(true, false);

  private static RunPredictor.Modelled predict(Scenario scenario, ServerSide server, long freeClient, long freeServer) {
    HarnessSettings settings = TestSettings.forScenario(scenario);
    List<ResourceUse> uses = KnownUse.of(scenario.strategy(), server, settings, TIME_WAIT);
    return RunPredictor.predict(settings.load(), uses, new StartingRoom(28_232, TIME_WAIT, Optional.of(freeClient),
        Optional.empty(), Optional.of(freeServer))).orElseThrow();
  }

  @Test
  void keepAliveClientsAgainstA512DescriptorServerRunItOutOfDescriptorsNotThemselves() {
    // 512 less the server JVM's own ~165: 347 free; 5 -> 50/s over 20 s starts 347 requests at about 15.3 s.
    RunPredictor.Modelled modelled = predict(Scenario.KEEP_ALIVE_SERVER_LIMIT, OWN_PROCESS, 1_838, 347);

    assertThat(modelled.use().resource()).isEqualTo(Resource.SERVER_DESCRIPTORS);
    assertThat(modelled.beforeLoad().expectation()).isEqualTo(Prediction.Outcome.EXHAUSTION);
    assertThat(modelled.beforeLoad().onsetSeconds().orElseThrow()).isCloseTo(15.3, offset(0.2));
  }

  @Test
  void theSameServerWithAnIdleTimeoutHoldsRateTimesTimeoutAndStaysClean() {
    // At most 50/s x 5 s = 250 connections at once: 72 % of 347.
    RunPredictor.Modelled modelled = predict(Scenario.KEEP_ALIVE_SERVER_LIMIT_IDLE_TIMEOUT, OWN_PROCESS, 1_838, 347);

    assertThat(modelled.beforeLoad().expectation()).isEqualTo(Prediction.Outcome.CLEAN);
    assertThat(modelled.beforeLoad().peakDemand()).isCloseTo(250, offset(3.0));
  }

  @Test
  void aClientWithLessRoomThanItsServerRunsOutFirst() {
    RunPredictor.Modelled modelled = predict(Scenario.KEEP_ALIVE, OWN_PROCESS, 1_838, 3_800);

    assertThat(modelled.use().resource()).isEqualTo(Resource.DESCRIPTORS);
    assertThat(modelled.use().perRequest()).as("one descriptor per connection: the server's end is not in this process").isEqualTo(1);
  }

  @Test
  void aServerInTheSameProcessCostsTwoDescriptorsAndHasNoneOfItsOwn() {
    HarnessSettings settings = TestSettings.forScenario(Scenario.KEEP_ALIVE);
    List<ResourceUse> uses = KnownUse.of(StrategyKind.KEEP_ALIVE, SAME_PROCESS, settings, TIME_WAIT);

    // The server's slots are listed too; they count only where the server says how many it has (serverStatus).
    assertThat(uses).extracting(ResourceUse::resource).containsExactly(Resource.DESCRIPTORS, Resource.SERVER_CONNECTIONS);
    assertThat(uses.get(0).perRequest()).isEqualTo(2);
  }
}
