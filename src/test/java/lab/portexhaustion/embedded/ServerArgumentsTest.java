package lab.portexhaustion.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.config.EmbeddedFailureMode;
import lab.portexhaustion.config.EmbeddedMonitoring;
import lab.portexhaustion.config.ServerLimits;
import org.junit.jupiter.api.Test;

/** The arguments from the process that starts the embedded server to the server: read back as written, or refused by name. */
class ServerArgumentsTest {

  @Test
  void theArgumentsReadBackAsTheyWereWritten() {
    List<ServerArguments> cases = List.of(
        ServerArguments.forThisProcess(List.of(40123, 40124, 40125), new ServerLimits(77, Duration.ofMillis(1500), 512,
            EmbeddedFailureMode.SELECT_SERVER), EmbeddedMonitoring.POLLING),
        new ServerArguments(List.of(), "10.231.0.1", 0, Duration.ZERO, EmbeddedFailureMode.MONGOD, EmbeddedMonitoring.STREAMING,
            Optional.empty()));

    for (ServerArguments arguments : cases) {
      assertThat(ServerArguments.parse(arguments.toArgs().toArray(String[]::new))).as(arguments.toArgs().toString()).isEqualTo(arguments);
    }
  }

  @Test
  void theServersLimitsAreTheParentsLessTheDescriptorLimitWhichIsSetOnTheProcess() {
    ServerLimits parents = new ServerLimits(77, Duration.ofSeconds(2), 512, EmbeddedFailureMode.SELECT_SERVER);

    ServerArguments arguments = ServerArguments.parse(
        ServerArguments.forThisProcess(List.of(40123), parents, EmbeddedMonitoring.STREAMING).toArgs().toArray(String[]::new));

    assertThat(arguments.limits()).isEqualTo(new ServerLimits(77, Duration.ofSeconds(2), 0, EmbeddedFailureMode.SELECT_SERVER));
    assertThat(arguments.parentPid()).contains(ProcessHandle.current().pid());
  }

  @Test
  void theFleetScriptsFourArgumentsLeaveTheRestAtTheirDefaults() {
    // scripts/fleet-run writes these by hand.
    ServerArguments arguments = ServerArguments.parse(
        new String[] {"address=10.231.0.1", "ports=27017", "parentPid=4242", "maxIncomingConnections=300"});

    assertThat(arguments).isEqualTo(new ServerArguments(List.of(27017), "10.231.0.1", 300, Duration.ZERO, EmbeddedFailureMode.MONGOD,
        EmbeddedMonitoring.STREAMING, Optional.of(4242L)));
    assertThat(ServerArguments.parse(new String[0]).parentPid()).isEmpty();
  }

  @Test
  void anArgumentItDoesNotKnowIsRefusedByName() {
    assertThatThrownBy(() -> ServerArguments.parse(new String[] {"ports=40123", "maxConnections=5"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'maxConnections=5'").hasMessageContaining("maxIncomingConnections");
    assertThatThrownBy(() -> ServerArguments.parse(new String[] {"parentPid"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'parentPid'");
    assertThatThrownBy(() -> ServerArguments.parse(new String[] {"ports=1", "ports=2"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ports twice");
  }

  @Test
  void anIdleTimeoutLongerThanAnIntOfMillisecondsReadsBack() {
    ServerArguments written = ServerArguments.parse(new String[] {"ports=40123", "idleTimeoutMillis=" + Duration.ofDays(25).toMillis()});

    assertThat(ServerArguments.parse(written.toArgs().toArray(String[]::new)).idleTimeout()).isEqualTo(Duration.ofDays(25));
  }

  @Test
  void aValueThatDoesNotReadIsRefusedByName() {
    assertThatThrownBy(() -> ServerArguments.parse(new String[] {"parentPid=-1"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parentPid=-1 is not a whole number");
    assertThatThrownBy(() -> ServerArguments.parse(new String[] {"ports=70000"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ports=70000 is not a whole number from 0 to 65535");
    assertThatThrownBy(() -> ServerArguments.parse(new String[] {"ports=40123,forty"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ports=forty");
    assertThatThrownBy(() -> ServerArguments.parse(new String[] {"failureMode=refuse"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failureMode=refuse is none of mongod | select-server");
  }
}
