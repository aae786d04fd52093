package lab.portexhaustion.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The joined-late rule: a client whose run started more than 2 s after its own turn. */
class LateJoinTest {

  private static FleetClient startedAt(int number, double joinIntervalSeconds, double startedSeconds) {
    return new FleetClient(number, joinIntervalSeconds, startedSeconds, Optional.empty(), Optional.empty());
  }

  @Test
  void aClientIsLateOnlyPastTwoSecondsAfterItsTurn() {
    List<FleetClient> clients = List.of(startedAt(1, 6.0, 0.5), startedAt(2, 6.0, 8.0), startedAt(3, 6.0, 14.1));

    assertThat(LateJoin.named(clients)).contains("client 3 started 2.1 s after its turn");
  }

  @Test
  void eachLateClientIsNamedInTheFleetsOrder() {
    List<FleetClient> clients = List.of(startedAt(1, 6.0, 3.5), startedAt(2, 6.0, 6.4), startedAt(4, 6.0, 27.0));

    assertThat(LateJoin.named(clients)).contains("client 1 started 3.5 s after its turn, client 4 started 9.0 s after its turn");
  }

  @Test
  void aFleetThatJoinedAtOnceHasEveryTurnAtItsStart() {
    assertThat(LateJoin.named(List.of(startedAt(1, 0, 1.0), startedAt(5, 0, 1.5)))).isEmpty();
    assertThat(LateJoin.named(List.of(startedAt(5, 0, 2.5)))).contains("client 5 started 2.5 s after its turn");
  }
}
