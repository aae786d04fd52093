package lab.portexhaustion.verdict;

import static lab.portexhaustion.verdict.FleetVerdictTest.fleet;
import static lab.portexhaustion.verdict.FleetVerdictTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import lab.portexhaustion.config.LoadProfile;
import lab.portexhaustion.model.ExhaustionModel;
import lab.portexhaustion.model.Prediction;
import lab.portexhaustion.model.Resource;
import lab.portexhaustion.model.ResourceUse;
import org.junit.jupiter.api.Test;

/**
 * Where the fleet model applies, the verdict on clients that joined late (held to the order they joined in, and named),
 * and when a client's own evidence was not whole (inconclusive, never a fault of the model).
 */
class FleetJudgeTest {

  private static final LoadProfile LIGHT = new LoadProfile(2, 5, Duration.ofSeconds(5), Duration.ofSeconds(25), Duration.ofMinutes(2),
      Duration.ofSeconds(5), 8, 100);

  /** The first client's own model: {@code atStart} connections at a server with all its 77 slots free. */
  private static Prediction slotsAtStart(int atStart) {
    return ExhaustionModel.predict(LIGHT, new ResourceUse(Resource.SERVER_CONNECTIONS, 0, Optional.empty(), "a warm pool", atStart), 77);
  }

  private static FleetJudge.FirstClient first(Optional<Prediction> prediction, Optional<Integer> limit) {
    return new FleetJudge.FirstClient("PoolStormSimulation", 4, 6.0, prediction, limit, Optional.of(0));
  }

  @Test
  void theFleetModelTakesTheFirstClientsConnectionsAtTheServerAndItsLimit() {
    Optional<FleetVerdict> verdict = FleetJudge.judge(first(Optional.of(slotsAtStart(22)), Optional.of(77)), fleet(refused(4, 18.5)));

    assertThat(verdict).get().extracting(FleetVerdict::status).isEqualTo(Verdict.Status.PASS);
    assertThat(verdict).get().extracting(FleetVerdict::line).isEqualTo("FLEET VERDICT PASS PoolStormSimulation: predicted the server"
        + " refuses client 4 of 4, 18.0 s after the first joined (77 connection slots, 0 in use before, 22 per client, a client every"
        + " 6.0 s), got client 4 at 18.5 s (+2.8 %)");
  }

  @Test
  void noFleetVerdictWhereTheFleetModelDoesNotApply() {
    Prediction ports = ExhaustionModel.predict(LIGHT, new ResourceUse(Resource.EPHEMERAL_PORTS, 1, Optional.of(Duration.ofSeconds(60)),
        "one connection per request"), 1000);

    assertThat(FleetJudge.judge(first(Optional.empty(), Optional.of(77)), fleet())).as("nothing modelled").isEmpty();
    assertThat(FleetJudge.judge(first(Optional.of(ports), Optional.of(77)), fleet())).as("another resource").isEmpty();
    assertThat(FleetJudge.judge(first(Optional.of(slotsAtStart(0)), Optional.of(77)), fleet())).as("no connections as it starts")
        .isEmpty();
    assertThat(FleetJudge.judge(first(Optional.of(slotsAtStart(22)), Optional.empty()), fleet())).as("a server that did not say")
        .isEmpty();
  }

  @Test
  void aLateClientRefusedLongAfterItJoinedFailsWithTheLateStartNamed() {
    FleetClient lateAndRefusedLater = new FleetClient(4, 6.0, 27.0, Optional.of(35.0), Optional.empty());

    FleetVerdict verdict = FleetJudge.judge(first(Optional.of(slotsAtStart(22)), Optional.of(77)), fleet(lateAndRefusedLater))
        .orElseThrow();

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.line()).endsWith("got client 4 at 35.0 s (+29.6 %); as the clients joined (client 4 started 9.0 s after its"
        + " turn), the model has client 4 refused at 27.0 s; the moment is more than 2.7 s from 27.0 s");
  }

  /**
   * An earlier client that started so late that it joined after the one the model names: as many clients fit as
   * planned, so the server refuses the fourth to join, which is now client 3, as it joins.
   */
  @Test
  void anEarlierClientThatJoinedLastIsTheOneRefusedAsItJoins() {
    FleetClient joinedLast = new FleetClient(3, 6.0, 21.5, Optional.of(21.7), Optional.empty());

    FleetVerdict verdict = FleetJudge.judge(first(Optional.of(slotsAtStart(22)), Optional.of(77)), fleet(joinedLast)).orElseThrow();

    assertThat(verdict.passed()).as(verdict.line()).isTrue();
    assertThat(verdict.line()).endsWith("got client 3 at 21.7 s (+0.9 %); as the clients joined (client 3 started 9.5 s after its"
        + " turn), the model has client 3 refused at 21.5 s");
  }

  @Test
  void aRefusalThatFitsNeitherThePlannedNorTheActualJoinsFailsNamingBoth() {
    FleetClient joinedLast = new FleetClient(3, 6.0, 21.5, Optional.empty(), Optional.empty());

    FleetVerdict verdict = FleetJudge.judge(first(Optional.of(slotsAtStart(22)), Optional.of(77)),
        fleet(joinedLast, refused(4, 18.5))).orElseThrow();

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.line()).contains("predicted the server refuses client 4 of 4, 18.0 s after the first joined")
        .endsWith("got client 4 at 18.5 s (-14.0 %); as the clients joined (client 3 started 9.5 s after its turn), the model has"
            + " client 3 refused at 21.5 s; the client is more than 10 % from client 3; the moment is more than 2.2 s from 21.5 s");
  }

  /**
   * The model has the client refused as it joins: one that started late on a slow machine (its setup after its turn took
   * 4.3 s) and was refused as it started is refused where the model said, on its own start.
   */
  @Test
  void aClientRefusedAsItJoinsIsHeldToItsOwnStartWhenItStartedLate() {
    FleetClient lateAndRefusedAsItJoined = new FleetClient(4, 6.0, 22.3, Optional.of(22.3), Optional.empty());

    FleetVerdict verdict = FleetJudge.judge(first(Optional.of(slotsAtStart(22)), Optional.of(77)), fleet(lateAndRefusedAsItJoined))
        .orElseThrow();

    assertThat(verdict.passed()).as(verdict.line()).isTrue();
    assertThat(verdict.line()).endsWith("got client 4 at 22.3 s (+0.0 %); as the clients joined (client 4 started 4.3 s after its"
        + " turn), the model has client 4 refused at 22.3 s");
  }

  @Test
  void aClientWhoseEvidenceWasNotWholeMakesTheFleetVerdictInconclusiveWhateverTheRefusals() {
    FleetClient starved = new FleetClient(3, 6.0, 12.4, Optional.empty(), Optional.of("this machine could not keep up (injection"
        + " lag 3.4 s, more than the 2.0 s allowed)"));
    FleetClient lateAndRefused = new FleetClient(4, 6.0, 27.0, Optional.of(27.0), Optional.of("the target process died at 30.1 s"
        + " (signal 9)"));

    FleetVerdict onTime = FleetJudge.judge(first(Optional.of(slotsAtStart(22)), Optional.of(77)), fleet(starved, refused(4, 18.5)))
        .orElseThrow();
    FleetVerdict lateToo = FleetJudge.judge(first(Optional.of(slotsAtStart(22)), Optional.of(77)), fleet(starved, lateAndRefused))
        .orElseThrow();

    assertThat(onTime.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
    assertThat(onTime.passed()).isFalse();
    assertThat(onTime.line()).isEqualTo("FLEET VERDICT INCONCLUSIVE PoolStormSimulation: a client's evidence is not whole (client 3:"
        + " this machine could not keep up (injection lag 3.4 s, more than the 2.0 s allowed)); not judged: predicted the server"
        + " refuses client 4 of 4, 18.0 s after the first joined (77 connection slots, 0 in use before, 22 per client, a client every"
        + " 6.0 s), got client 4 at 18.5 s (+2.8 %)");
    assertThat(lateToo.status()).as("not a fault of the model").isEqualTo(Verdict.Status.INCONCLUSIVE);
    assertThat(lateToo.line()).startsWith("FLEET VERDICT INCONCLUSIVE PoolStormSimulation: a client's evidence is not whole (client 3:"
        + " this machine could not keep up (injection lag 3.4 s, more than the 2.0 s allowed); client 4: the target process died at"
        + " 30.1 s (signal 9)); not judged: ").endsWith("got client 4 at 27.0 s (+0.0 %); as the clients joined (client 4 started 9.0 s after its turn), the model has"
        + " client 4 refused at 27.0 s");
  }

  @Test
  void aPassedVerdictSaysNothingOfALateClient() {
    FleetClient late = new FleetClient(2, 6.0, 9.0, Optional.empty(), Optional.empty());

    FleetVerdict verdict = FleetJudge.judge(first(Optional.of(slotsAtStart(22)), Optional.of(77)), fleet(late, refused(4, 18.6)))
        .orElseThrow();

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.line()).doesNotContain("late");
  }
}
