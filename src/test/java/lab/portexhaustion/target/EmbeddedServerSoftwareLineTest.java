package lab.portexhaustion.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import lab.portexhaustion.config.EmbeddedFailureMode;
import lab.portexhaustion.config.EmbeddedMonitoring;
import lab.portexhaustion.config.ServerLimits;
import lab.portexhaustion.embedded.ServerReady;
import org.junit.jupiter.api.Test;

/**
 * The embedded target's software line says what the settings are and what they came to in the process; the two must
 * not contradict each other ("no connection limit" beside "at most 1638 connections"), in either failure mode.
 */
class EmbeddedServerSoftwareLineTest {

  private static final Duration IDLE = Duration.ofSeconds(5);

  @Test
  void failingAsMongodWithoutMaxIncomingConnectionsTheLineNamesTheCapItCameTo() {
    String line = line(new ServerLimits(0, IDLE, 2048, EmbeddedFailureMode.MONGOD), new ServerReady(27017, 41, Optional.of(2048L), 1638));

    assertThat(line).isEqualTo("mongo-java-server 1.47.0 (process 41, streaming monitoring, connections capped at 80 % of the"
        + " descriptor limit (where the OS gives one), idle timeout 5.0 s, at most 2048 descriptors, fails as mongod: at most 1638 connections,"
        + " descriptor limit 2048)");
  }

  @Test
  void failingAsMongodUnderMaxIncomingConnectionsTheSettingAndTheCapAgree() {
    String line = line(new ServerLimits(1000, Duration.ZERO, 0, EmbeddedFailureMode.MONGOD),
        new ServerReady(27017, 41, Optional.of(20000L), 1000));

    assertThat(line).contains("at most 1000 connections (80 % of the descriptor limit when lower), no idle timeout,"
        + " fails as mongod: at most 1000 connections, descriptor limit 20000");
  }

  @Test
  void oneConnectionIsSaidInTheSingular() {
    String line = line(new ServerLimits(1, Duration.ZERO, 0, EmbeddedFailureMode.MONGOD), new ServerReady(27017, 41, Optional.of(20000L), 1));

    assertThat(line).contains("at most 1 connection (80 % of the descriptor limit when lower), no idle timeout,"
        + " fails as mongod: at most 1 connection, descriptor limit 20000");
    assertThat(new ServerLimits(1, Duration.ZERO, 0, EmbeddedFailureMode.SELECT_SERVER).describe())
        .startsWith("at most 1 connection, no idle timeout");
  }

  @Test
  void failingAsTheSelectServerTheLineHasNoConnectionLimitAnywhere() {
    String line = line(new ServerLimits(0, IDLE, 0, EmbeddedFailureMode.SELECT_SERVER), new ServerReady(27017, 41, Optional.of(2048L), 0));

    assertThat(line).contains("no connection limit, idle timeout 5.0 s, fails as select-server: accepts until its descriptors"
        + " run out, descriptor limit 2048").doesNotContain("at most");
  }

  @Test
  void withNoSettingOfItsOwnTheLineSaysOnlyWhatTheProcessCameTo() {
    assertThat(line(ServerLimits.NONE, new ServerReady(27017, 41, Optional.of(20000L), 16000))).isEqualTo("mongo-java-server 1.47.0"
        + " (process 41, streaming monitoring, fails as mongod: at most 16000 connections, descriptor limit 20000)");
    assertThat(ServerLimits.NONE.describe()).as("in the summary's serverLimits")
        .isEqualTo("connections capped at 80 % of the descriptor limit (where the OS gives one), no idle timeout");
  }

  @Test
  void aServerWhoseOsHasNoDescriptorLimitSaysItIsUnknownNotMinusOne() {
    assertThat(line(ServerLimits.NONE, new ServerReady(27017, 41, Optional.empty(), 0)))
        .endsWith("fails as mongod: accepts until its descriptors run out, descriptor limit unknown)");
  }

  private static String line(ServerLimits limits, ServerReady ready) {
    return EmbeddedServerProcess.software("1.47.0", ready, EmbeddedMonitoring.STREAMING, limits, Optional.empty());
  }
}
