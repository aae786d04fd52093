package lab.portexhaustion.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.NetworkSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;
import lab.portexhaustion.sockets.ClosedPort;
import lab.portexhaustion.sockets.SocketTable;
import org.junit.jupiter.api.Test;

/**
 * The container's address: bridge first, mapped port when the bridge does not answer. The
 * "bridge" here is a loopback port, so that no test traffic leaves this host.
 */
class ContainerEndpointTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @Test
  void anUnreachableBridgeAddressFallsBackToTheMappedPortAndSaysSo() throws Exception {
    try (ServerSocket mapped = new ServerSocket(0, 1, LOOPBACK); ClosedPort bridgePort = ClosedPort.held()) {
      InetSocketAddress mappedPort = new InetSocketAddress(LOOPBACK, mapped.getLocalPort());

      ContainerEndpoint.Choice choice = ContainerEndpoint.choose(Optional.of(LOOPBACK.getHostAddress()), bridgePort.port(), mappedPort,
          ContainerEndpoint::connects);

      assertThat(choice.address()).isEqualTo(mappedPort);
      assertThat(choice.how()).contains("through the mapped port", "bridge address " + LOOPBACK.getHostAddress() + " did not answer");
    }
  }

  @Test
  void aReachableBridgeAddressIsTakenAndTheCheckLeavesNoTimeWait() throws Exception {
    try (ServerSocket bridge = new ServerSocket(0, 8, LOOPBACK); ClosedPort mappedPort = ClosedPort.held()) {
      InetSocketAddress bridgeEndpoint = new InetSocketAddress(LOOPBACK, bridge.getLocalPort());

      ContainerEndpoint.Choice choice = ContainerEndpoint.choose(Optional.of(LOOPBACK.getHostAddress()), bridge.getLocalPort(),
          new InetSocketAddress(LOOPBACK, mappedPort.port()), ContainerEndpoint::connects);

      assertThat(choice.address()).isEqualTo(bridgeEndpoint);
      assertThat(choice.how()).contains("on its bridge network address");
      // The check's socket is reset, not closed: a socket left toward the target (FIN_WAIT, then TIME_WAIT) would make
      // the clean start wait a full TIME_WAIT for it.
      assertThat(SocketTable.forThisMachine().read()).noneMatch(s -> s.remote().equals(bridgeEndpoint));
    }
  }

  @Test
  void withoutABridgeAddressTheMappedPortIsTakenWithoutAConnect() {
    InetSocketAddress mappedPort = new InetSocketAddress(LOOPBACK, 32771);

    ContainerEndpoint.Choice choice = ContainerEndpoint.choose(Optional.empty(), 27017, mappedPort, (address, timeout) -> {
      throw new AssertionError("no address to check, yet " + address + " was connected to");
    });

    assertThat(choice.address()).isEqualTo(mappedPort);
    assertThat(choice.how()).contains("no address on Docker's bridge network");
  }

  @Test
  void theBridgeAddressComesFromTheBridgeNetworkEntry() throws Exception {
    // docker inspect's NetworkSettings as API 1.52 gives it: no top-level IPAddress any more.
    NetworkSettings settings = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .readValue(Path.of("src/test/resources/fixtures/docker/inspect-networksettings-api-1.52.json").toFile(), NetworkSettings.class);

    assertThat(settings.getIpAddress()).isNull();
    assertThat(ContainerEndpoint.bridgeAddress(settings)).contains("172.17.0.3");
    assertThat(ContainerEndpoint.bridgeAddress(new NetworkSettings())).isEmpty();
  }
}
