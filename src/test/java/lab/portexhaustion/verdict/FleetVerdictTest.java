package lab.portexhaustion.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import lab.portexhaustion.model.FleetModel;
import org.junit.jupiter.api.Test;

class FleetVerdictTest {

  private static final FleetModel.FleetPrediction STORM = FleetModel.predict(4, 22, 77, 0, Duration.ofSeconds(6));
  private static final FleetModel.FleetPrediction FITS = FleetModel.predict(4, 2, 77, 0, Duration.ofSeconds(6));
  private static final Set<Integer> ALL = Set.of(1, 2, 3, 4);

  @Test
  void theRightClientNearThePredictedMomentPasses() {
    FleetVerdict verdict = FleetVerdict.judge("PoolStorm", STORM, List.of(new FleetVerdict.Refusal(4, 18.6)), ALL);

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.line()).startsWith("FLEET VERDICT PASS PoolStorm: predicted the server refuses client 4 of 4, 18.0 s after")
        .endsWith("got client 4 at 18.6 s (+3.3 %)");
  }

  @Test
  void theFirstRefusalCountsNotTheLaterOnes() {
    FleetVerdict verdict = FleetVerdict.judge("PoolStorm", STORM,
        List.of(new FleetVerdict.Refusal(3, 25.0), new FleetVerdict.Refusal(4, 18.3)), ALL);

    assertThat(verdict.passed()).isTrue();
  }

  @Test
  void anotherClientFails() {
    FleetVerdict verdict = FleetVerdict.judge("PoolStorm", STORM, List.of(new FleetVerdict.Refusal(3, 18.2)), ALL);

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.line()).contains("got client 3 at 18.2 s").contains("the client is more than 10 % from client 4");
  }

  @Test
  void aRefusalMoreThanTenPercentLateFails() {
    FleetVerdict verdict = FleetVerdict.judge("PoolStorm", STORM, List.of(new FleetVerdict.Refusal(4, 20.2)), ALL);

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.line()).contains("(+12.2 %)").contains("the moment is more than 1.8 s from 18.0 s");
  }

  @Test
  void noRefusalWhereOneWasPredictedFails() {
    assertThat(FleetVerdict.judge("PoolStorm", STORM, List.of(), ALL).passed()).isFalse();
  }

  @Test
  void aMissingRunOfThePredictedClientIsNamed() {
    assertThat(FleetVerdict.judge("PoolStorm", STORM, List.of(), Set.of(1, 2, 3)).line())
        .endsWith("got no client refused (client 4's run is not among the merged runs)");
  }

  @Test
  void aFleetThatFitsPassesOnlyWithoutRefusals() {
    assertThat(FleetVerdict.judge("Fix", FITS, List.of(), ALL).line()).startsWith("FLEET VERDICT PASS Fix: predicted every client fits")
        .endsWith("got no client refused");
    assertThat(FleetVerdict.judge("Fix", FITS, List.of(new FleetVerdict.Refusal(2, 7.0)), ALL).passed()).isFalse();
  }

  @Test
  void theFirstClientRefusedAtOnceHasASecondOfTolerance() {
    FleetModel.FleetPrediction full = FleetModel.predict(2, 22, 10, 0, Duration.ofSeconds(6));

    assertThat(FleetVerdict.judge("Full", full, List.of(new FleetVerdict.Refusal(1, 0.7)), ALL).passed()).isTrue();
    assertThat(FleetVerdict.judge("Full", full, List.of(new FleetVerdict.Refusal(1, 1.4)), ALL).passed()).isFalse();
  }
}
