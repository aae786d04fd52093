package lab.portexhaustion.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.config.LoadProfile;
import org.junit.jupiter.api.Test;

class ExhaustionModelTest {

  private static LoadProfile profile(double start, double peak, int rampSeconds, int holdSeconds) {
    return new LoadProfile(start, peak, Duration.ofSeconds(rampSeconds), Duration.ofSeconds(holdSeconds),
        Duration.ofMinutes(5), Duration.ZERO, 1, 1);
  }

  private static ResourceUse ports(double perRequest, int timeWaitSeconds) {
    return new ResourceUse(Resource.EPHEMERAL_PORTS, perRequest, Optional.of(Duration.ofSeconds(timeWaitSeconds)), "test");
  }

  @Test
  void aConstantRateFillsTheRangeAtRangeOverRate() {
    // 1,000 free ports, 100 requests/s, 1 port each, held 60 s: full after 10 s.
    Prediction prediction = ExhaustionModel.predict(profile(100, 100, 0, 30), ports(1, 60), 1000);

    assertThat(prediction.onsetSeconds()).contains(10.0);
    assertThat(prediction.expectation()).isEqualTo(Prediction.Outcome.EXHAUSTION);
    assertThat(prediction.peakDemand()).isEqualTo(3000);
    assertThat(prediction.kneeVisitsPerSecond()).contains(16.7);
  }

  @Test
  void twoPortsPerRequestHalveTheTime() {
    assertThat(ExhaustionModel.predict(profile(100, 100, 0, 30), ports(2, 60), 1000).onsetSeconds()).contains(5.0);
  }

  @Test
  void aRampFillsTheRangeWhenItsAreaReachesIt() {
    // Ramp 0 -> 100/s over 20 s: requests by t are 2.5 t², so 1,000 ports at t = 20 s.
    assertThat(ExhaustionModel.predict(profile(0, 100, 20, 10), ports(1, 60), 1000).onsetSeconds().orElseThrow()).isCloseTo(20.0, offset(0.2));
  }

  @Test
  void belowTheKneeTheRangeNeverFills() {
    // 10/s for 60 s with 60 s TIME_WAIT holds 600 ports: under 1,000, 60 %, outside the margin.
    Prediction prediction = ExhaustionModel.predict(profile(10, 10, 0, 60), ports(1, 60), 1000);

    assertThat(prediction.onsetSeconds()).isEmpty();
    assertThat(prediction.demandPercent()).isEqualTo(60.0);
    assertThat(prediction.expectation()).isEqualTo(Prediction.Outcome.CLEAN);
    assertThat(prediction.text()).startsWith("clean (ephemeral ports: 1,000 free, demand would peak at 600 (60 %) = 1.00 per visit (1 request x 1.00) held 60 s");
  }

  @Test
  void portsGivenBackAfterTimeWaitAreFreeAgain() {
    // 20/s with a 30 s TIME_WAIT holds at most 600 ports, however long it runs.
    Prediction prediction = ExhaustionModel.predict(profile(20, 20, 0, 300), ports(1, 30), 1000);

    assertThat(prediction.onsetSeconds()).isEmpty();
    assertThat(prediction.peakDemand()).isEqualTo(600);
  }

  @Test
  void aStrategyThatTakesNoPortsNeverExhausts() {
    Prediction prediction = ExhaustionModel.predict(profile(100, 100, 0, 30), ports(0, 60), 1000);

    assertThat(prediction.onsetSeconds()).isEmpty();
    assertThat(prediction.expectation()).isEqualTo(Prediction.Outcome.CLEAN);
    assertThat(prediction.kneeVisitsPerSecond()).isEmpty();
  }

  @Test
  void connectionsNobodyClosesAddUpForTheWholeRun() {
    // 10/s for 100 s, 2 descriptors each, never given back: 2,000 at the end, 1,000 free run out at 50 s.
    ResourceUse kept = new ResourceUse(Resource.DESCRIPTORS, 2, Optional.empty(), "test");

    Prediction prediction = ExhaustionModel.predict(profile(10, 10, 0, 100), kept, 1000);

    assertThat(prediction.onsetSeconds()).contains(50.0);
    assertThat(prediction.holdSeconds()).isEmpty();
    assertThat(prediction.kneeVisitsPerSecond()).isEmpty();
  }

  @Test
  void demandWithinTheMarginIsTooCloseToCall() {
    // 600 ports held at most against 650 free: 92 %.
    assertThat(ExhaustionModel.predict(profile(10, 10, 0, 60), ports(1, 60), 650).expectation())
        .isEqualTo(Prediction.Outcome.TOO_CLOSE);
  }

  @Test
  void aVisitTakesWhatEachOfItsRequestsTakes() {
    // A user's own scenario, three requests per visit (find, upsert, audit insert), a new client per request (3 ports
    // each), against 1,995 free ports, the default profile: 9 ports per visit run out when 1,995 / 9 = 222 visits have
    // started: 5 t + 95 t^2 / 40 = 222 at 8.7 s. Counted as one request per visit, 1,995 / 3 = 665 visits: 15.8 s.
    LoadProfile defaults = profile(5, 100, 20, 15);
    Visit threeRequests = new Visit(3, List.of(), 1);

    Prediction perVisit = ExhaustionModel.predict(defaults, ports(3, 60), 1995, threeRequests);
    Prediction perRequest = ExhaustionModel.predict(defaults, ports(3, 60), 1995);

    assertThat(perVisit.onsetSeconds().orElseThrow()).isCloseTo(8.7, offset(0.1));
    assertThat(perRequest.onsetSeconds().orElseThrow()).isCloseTo(15.8, offset(0.1));
    assertThat(perVisit.perVisit()).isEqualTo(9.0);
    assertThat(perVisit.requestsPerVisit()).isEqualTo(3);
    assertThat(perVisit.kneeVisitsPerSecond()).contains(3.7); // 1,995 / 60 s / 9
    assertThat(perVisit.text()).isEqualTo("exhaustion at 8.7 s (ephemeral ports: 1,995 free, demand would peak at 22,950 (1150 %)"
        + " = 9.00 per visit (3 requests x 3.00) held 60 s, knee 3.7 visits/s)");
  }

  @Test
  void aMeasuredFigureIsPerVisitAndSaysSo() {
    Prediction measured = ExhaustionModel.predictMeasured(profile(5, 100, 20, 15), ports(3, 60), 1995, new Visit(3, List.of(), 1), 8.83);

    assertThat(measured.isMeasured()).isTrue();
    assertThat(measured.perVisit()).isEqualTo(8.83);
    assertThat(measured.onsetSeconds().orElseThrow()).isCloseTo(8.8, offset(0.1));
    assertThat(measured.text()).contains("= 8.83 per visit (measured) held 60 s, knee 3.8 visits/s");
  }
}
