package lab.portexhaustion.onset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import lab.portexhaustion.config.LoadProfile;
import org.junit.jupiter.api.Test;

class ExhaustionModelTest {

  private static LoadProfile profile(double start, double peak, int rampSeconds, int holdSeconds) {
    return new LoadProfile(start, peak, Duration.ofSeconds(rampSeconds), Duration.ofSeconds(holdSeconds),
        Duration.ofMinutes(5), Duration.ZERO, 1, 1);
  }

  @Test
  void aConstantRateFillsTheRangeAtRangeOverRate() {
    // 1,000 free ports, 100 requests/s, 1 port each, held 60 s: full after 10 s.
    assertThat(ExhaustionModel.predictedOnsetSeconds(profile(100, 100, 0, 30), 1, Duration.ofSeconds(60), 1000))
        .hasValue(10.0);
  }

  @Test
  void twoPortsPerRequestHalveTheTime() {
    assertThat(ExhaustionModel.predictedOnsetSeconds(profile(100, 100, 0, 30), 2, Duration.ofSeconds(60), 1000))
        .hasValue(5.0);
  }

  @Test
  void aRampFillsTheRangeWhenItsAreaReachesIt() {
    // Ramp 0 -> 100/s over 20 s: requests by t are 2.5 t², so 1,000 ports at t = 20 s.
    assertThat(ExhaustionModel.predictedOnsetSeconds(profile(0, 100, 20, 10), 1, Duration.ofSeconds(60), 1000))
        .hasValueCloseTo(20.0, org.assertj.core.data.Offset.offset(0.2));
  }

  @Test
  void belowTheKneeTheRangeNeverFills() {
    // 10/s for 60 s with 60 s TIME_WAIT holds 600 ports: under 1,000.
    assertThat(ExhaustionModel.predictedOnsetSeconds(profile(10, 10, 0, 60), 1, Duration.ofSeconds(60), 1000)).isEmpty();
  }

  @Test
  void portsGivenBackAfterTimeWaitAreFreeAgain() {
    // 20/s with a 30 s TIME_WAIT holds at most 600 ports, however long it runs.
    assertThat(ExhaustionModel.predictedOnsetSeconds(profile(20, 20, 0, 300), 1, Duration.ofSeconds(30), 1000)).isEmpty();
  }

  @Test
  void aStrategyThatTakesNoPortsNeverExhausts() {
    assertThat(ExhaustionModel.predictedOnsetSeconds(profile(100, 100, 0, 30), 0, Duration.ofSeconds(60), 1000)).isEmpty();
  }
}
