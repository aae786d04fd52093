package lab.portexhaustion.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.TestSettings;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.Scenario;
import org.junit.jupiter.api.Test;

/**
 * What the model says of keep-alive clients against the two ways the embedded server fails when full, in the
 * namespace's 2,048 descriptors: the client holds some 210 of its own, the server's JVM some 165.
 */
class FailureModesModelTest {

  private static final Duration TIME_WAIT = Duration.ofSeconds(60);
  private static final ServerSide OWN_PROCESS = new ServerSide(false, true);
  private static final int LIMIT = 2_048;
  private static final long CLIENT_FREE = 1_838;
  private static final long SERVER_DESCRIPTORS_FREE = LIMIT - 165;

  private static RunPredictor.Modelled keepAlive(Optional<Integer> serverSlotsFree) {
    HarnessSettings settings = TestSettings.forScenario(Scenario.KEEP_ALIVE);
    List<ResourceUse> uses = KnownUse.of(Scenario.KEEP_ALIVE.strategy(), OWN_PROCESS, settings, TIME_WAIT);
    return RunPredictor.predict(settings.load(), uses, new StartingRoom(28_232, TIME_WAIT, Optional.of(CLIENT_FREE), serverSlotsFree,
        Optional.of(SERVER_DESCRIPTORS_FREE))).orElseThrow();
  }

  @Test
  void aServerFailingAsMongodRefusesAtItsCapBeforeTheClientRunsOut() {
    // Its serverStatus says 80 % of 2,048: the slots decide, and the onset is its first refusal.
    RunPredictor.Modelled mongod = keepAlive(Optional.of((int) (0.8 * LIMIT)));

    assertThat(mongod.use().resource()).isEqualTo(Resource.SERVER_CONNECTIONS);
    assertThat(mongod.free()).isEqualTo(1_638);
    assertThat(mongod.beforeLoad().expectation()).isEqualTo(Prediction.Outcome.EXHAUSTION);
  }

  @Test
  void againstASelectServerTheClientRunsOutFirst() {
    // It says no limit: its descriptors and the client's are left, and the client has fewer.
    RunPredictor.Modelled select = keepAlive(Optional.empty());
    RunPredictor.Modelled mongod = keepAlive(Optional.of((int) (0.8 * LIMIT)));

    assertThat(select.use().resource()).isEqualTo(Resource.DESCRIPTORS);
    assertThat(select.beforeLoad().onsetSeconds().orElseThrow()).as("later than mongod's refusal")
        .isGreaterThan(mongod.beforeLoad().onsetSeconds().orElseThrow());
  }
}
