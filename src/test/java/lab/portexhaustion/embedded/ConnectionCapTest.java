package lab.portexhaustion.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import lab.portexhaustion.config.EmbeddedFailureMode;
import lab.portexhaustion.config.EmbeddedMonitoring;
import lab.portexhaustion.config.ServerLimits;
import lab.portexhaustion.process.OwnDescriptors;
import org.junit.jupiter.api.Test;

/** mongod's cap, 80 % of the descriptor limit or maxIncomingConnections when lower; none for a select() server. */
class ConnectionCapTest {

  private static final ServerLimits MONGOD = ServerLimits.NONE;
  private static final ServerLimits SELECT_SERVER = new ServerLimits(0, Duration.ZERO, 0, EmbeddedFailureMode.SELECT_SERVER);

  private static Optional<Long> known(long descriptorLimit) {
    return Optional.of(descriptorLimit);
  }

  @Test
  void asMongodEightyPercentOfTheDescriptorLimit() {
    assertThat(ConnectionCap.of(MONGOD, known(512))).isEqualTo(409);
    assertThat(ConnectionCap.of(MONGOD, known(2048))).isEqualTo(1638);
    assertThat(ConnectionCap.of(MONGOD, known(64_000))).isEqualTo(51_200);
  }

  @Test
  void asMongodMaxIncomingConnectionsWhenItIsLower() {
    assertThat(ConnectionCap.of(new ServerLimits(77, Duration.ZERO), known(2048))).isEqualTo(77);
    assertThat(ConnectionCap.of(new ServerLimits(5000, Duration.ZERO), known(2048))).as("the descriptors' share is lower").isEqualTo(1638);
  }

  @Test
  void whereTheOsHasNoDescriptorLimitOnlyMaxIncomingConnections() {
    assertThat(ConnectionCap.of(MONGOD, Optional.empty())).isZero();
    assertThat(ConnectionCap.of(new ServerLimits(77, Duration.ZERO), Optional.empty())).isEqualTo(77);
  }

  @Test
  void aSelectServerHasNone() {
    assertThat(ConnectionCap.of(SELECT_SERVER, known(512))).isZero();
  }

  @Test
  void theServerTakesItsCapFromItsOwnProcesssLimit() {
    try (EmbeddedMongoServer mongod = new EmbeddedMongoServer(MONGOD, EmbeddedMonitoring.STREAMING);
        EmbeddedMongoServer select = new EmbeddedMongoServer(SELECT_SERVER, EmbeddedMonitoring.STREAMING)) {
      assertThat(mongod.connectionCap()).isEqualTo((int) (0.8 * OwnDescriptors.max().orElseThrow()));
      assertThat(select.connectionCap()).isZero();
    }
  }
}
