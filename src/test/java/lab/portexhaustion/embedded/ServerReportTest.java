package lab.portexhaustion.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lines between the embedded server process and its parent: each message read back as written, anything else not. */
class ServerReportTest {

  @Test
  void everyMessageReadsBackAsItWasWritten() {
    List<ServerReport> messages = List.of(
        new ServerReady(40123, 98765, Optional.of(512L), 409),
        new ServerReady(40123, 98765, Optional.empty(), 0),
        new ServerStatus(Optional.of(347L), Optional.of(512L), 180, 3, 12, 7),
        new ServerStatus(Optional.empty(), Optional.empty(), 180, 3, 12, 7),
        new AcceptFailure(1_764_600_000_123L, "java.io.IOException: Too many open files"),
        new RefusedConnection(1_764_600_000_456L, "/10.231.0.14:40312"));

    for (ServerReport message : messages) {
      String line = ServerReport.format(message);
      assertThat(line).as("one line").doesNotContain("\n");
      assertThat(ServerReport.parse(line)).as(line).contains(message);
    }
  }

  @Test
  void theLinesAreTheOnesScriptsReadByTheirFields() {
    // scripts/fleet-run takes the port as the READY line's second field and matches REFUSED_FIRST's by pattern.
    assertThat(ServerReport.format(new ServerReady(40123, 98765, Optional.of(512L), 409))).isEqualTo("READY 40123 98765 512 409");
    assertThat(ServerReport.format(new RefusedConnection(17, "/10.231.0.14:40312"))).isEqualTo("REFUSED_FIRST 17 /10.231.0.14:40312");
  }

  @Test
  void aCountTheServersOsDoesNotKeepIsOneDashNeverMinusOne() {
    // Windows has no descriptor limit: the line says so in one spelling, and reads back as empty.
    String ready = ServerReport.format(new ServerReady(40123, 98765, Optional.empty(), 0));
    String status = ServerReport.format(new ServerStatus(Optional.empty(), Optional.empty(), 180, 3, 12, 7));

    assertThat(ready).isEqualTo("READY 40123 98765 - 0");
    assertThat(status).isEqualTo("STATUS - - 180 3 12 7");
    assertThat(((ServerReady) ServerReport.parse(ready).orElseThrow()).descriptorLimit()).isEmpty();
    assertThat(((ServerStatus) ServerReport.parse(status).orElseThrow()).descriptorsMax()).isEmpty();
  }

  @Test
  void anErrorWithSpacesAndLineBreaksStaysOneFieldOnOneLine() {
    AcceptFailure failure = new AcceptFailure(42, "java.io.IOException: Too many open files\n\tat sun.nio.ch.Net.accept(Native Method)");

    String line = ServerReport.format(failure);

    assertThat(line).isEqualTo("ACCEPT_FAILED 42 java.io.IOException: Too many open files \tat sun.nio.ch.Net.accept(Native Method)");
    AcceptFailure read = (AcceptFailure) ServerReport.parse(line).orElseThrow();
    assertThat(read.epochMillis()).isEqualTo(42);
    assertThat(read.message()).isEqualTo("Too many open files \tat sun.nio.ch.Net.accept(Native Method)");
  }

  @Test
  void aLineOfTheServersOwnLogIsNoMessage() {
    assertThat(ServerReport.parse("12:00:01.234 [main] WARN  AcceptFailureLog - embedded server cannot accept connections")).isEmpty();
    assertThat(ServerReport.parse("")).isEmpty();
    assertThat(ServerReport.parse("READYING the backend")).isEmpty();
  }

  @Test
  void aKnownKeywordWithFieldsThatDoNotReadIsNoMessage() {
    assertThat(ServerReport.parse("READY")).isEmpty();
    assertThat(ServerReport.parse("READY 40123 98765 512")).as("a field short").isEmpty();
    assertThat(ServerReport.parse("READY 40123 98765 512 409 9")).as("a field too many").isEmpty();
    assertThat(ServerReport.parse("STATUS 1 2 three 4 5 6")).isEmpty();
    assertThat(ServerReport.parse("STATUS 1 2 - 4 5 6")).as("only descriptor counts may be unknown").isEmpty();
    assertThat(ServerReport.parse("READY 99999999999 1 2 0")).as("a port beyond an int").isEmpty();
    assertThat(ServerReport.parse("ACCEPT_FAILED soon Too many open files")).isEmpty();
  }
}
