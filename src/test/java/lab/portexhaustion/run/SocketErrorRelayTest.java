package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SocketErrorRelayTest {

  private record Heard(Throwable error, Instant at) {}

  @Test
  void errorsBeforeTheRunConnectsAreHandedOverInOrderWithTheirTimesThenErrorsPassStraightThrough() {
    SocketErrorRelay relay = new SocketErrorRelay();
    EOFException first = new EOFException("first");
    EOFException second = new EOFException("second");
    EOFException later = new EOFException("later");
    Instant t1 = Instant.parse("2026-11-30T13:00:00Z");
    Instant t2 = t1.plusMillis(5);
    relay.socketError(first, t1);
    relay.socketError(second, t2);

    List<Heard> heard = new ArrayList<>();
    relay.connect((error, at) -> heard.add(new Heard(error, at)));
    relay.socketError(later, t2.plusSeconds(1));

    assertThat(heard).containsExactly(new Heard(first, t1), new Heard(second, t2), new Heard(later, t2.plusSeconds(1)));
  }
}
