package lab.portexhaustion.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.model.FleetModel;
import org.junit.jupiter.api.Test;

/** The fleet verdict's main rule ({@link FirstRefusal}): the client the server refuses first, and when. */
class FleetVerdictTest {

  private static final FleetModel.FleetPrediction STORM = FleetModel.predict(4, 22, 77, 0, Duration.ofSeconds(6));
  private static final FleetModel.FleetPrediction FITS = FleetModel.predict(4, 2, 77, 0, Duration.ofSeconds(6));

  /** Client {@code number} of a fleet joining every 6 s, started on its turn (its probe and client take 0.4 s). */
  static FleetClient onTime(int number) {
    return new FleetClient(number, 6.0, (number - 1) * 6.0 + 0.4, Optional.empty(), Optional.empty());
  }

  /** The same client, refused by the server {@code at} seconds after the fleet's start. */
  static FleetClient refused(int number, double at) {
    return new FleetClient(number, 6.0, (number - 1) * 6.0 + 0.4, Optional.of(at), Optional.empty());
  }

  /** Clients 1 to 4 on time, but for {@code others}, which stand in for the clients of their numbers. */
  static List<FleetClient> fleet(FleetClient... others) {
    List<FleetClient> clients = new ArrayList<>();
    for (int number = 1; number <= 4; number++) {
      int n = number;
      clients.add(List.of(others).stream().filter(c -> c.number() == n).findFirst().orElse(onTime(n)));
    }
    return clients;
  }

  private static FleetVerdict judge(String name, FleetModel.FleetPrediction predicted, List<FleetClient> clients) {
    return FleetJudge.judge(name, predicted, clients);
  }

  @Test
  void theRightClientNearThePredictedMomentPasses() {
    FleetVerdict verdict = judge("PoolStorm", STORM, fleet(refused(4, 18.6)));

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.line()).startsWith("FLEET VERDICT PASS PoolStorm: predicted the server refuses client 4 of 4, 18.0 s after")
        .endsWith("got client 4 at 18.6 s (+3.3 %)");
  }

  @Test
  void theFirstRefusalCountsNotTheLaterOnes() {
    FleetVerdict verdict = judge("PoolStorm", STORM, fleet(refused(3, 25.0), refused(4, 18.3)));

    assertThat(verdict.passed()).isTrue();
  }

  @Test
  void anotherClientFails() {
    FleetVerdict verdict = judge("PoolStorm", STORM, fleet(refused(3, 18.2)));

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.line()).contains("got client 3 at 18.2 s").contains("the client is more than 10 % from client 4");
  }

  @Test
  void aRefusalMoreThanTenPercentLateFails() {
    FleetVerdict verdict = judge("PoolStorm", STORM, fleet(refused(4, 20.2)));

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.line()).contains("(+12.2 %)").endsWith("the moment is more than 1.8 s from 18.0 s");
  }

  @Test
  void noRefusalWhereOneWasPredictedFails() {
    assertThat(judge("PoolStorm", STORM, fleet()).passed()).isFalse();
  }

  @Test
  void aMissingRunOfThePredictedClientIsNamed() {
    assertThat(judge("PoolStorm", STORM, fleet().subList(0, 3)).line())
        .endsWith("got no client refused (client 4's run is not among the merged runs)");
  }

  @Test
  void aFleetThatFitsPassesOnlyWithoutRefusals() {
    assertThat(judge("Fix", FITS, fleet()).line()).startsWith("FLEET VERDICT PASS Fix: predicted every client fits")
        .endsWith("got no client refused");
    assertThat(judge("Fix", FITS, fleet(refused(2, 7.0))).line()).startsWith("FLEET VERDICT FAIL")
        .endsWith("got client 2 refused at 7.0 s");
  }

  @Test
  void theFirstClientRefusedAtOnceHasASecondOfTolerance() {
    FleetModel.FleetPrediction full = FleetModel.predict(2, 22, 10, 0, Duration.ofSeconds(6));

    assertThat(judge("Full", full, List.of(refused(1, 0.7), onTime(2))).passed()).isTrue();
    assertThat(judge("Full", full, List.of(refused(1, 1.4), onTime(2))).passed()).isFalse();
  }
}
