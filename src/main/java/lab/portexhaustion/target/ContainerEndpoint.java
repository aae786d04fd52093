package lab.portexhaustion.target;

import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.NetworkSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where this host reaches a MongoDB container. The container's own address on Docker's
 * {@code bridge} network comes first: through the mapped port, traffic goes over loopback, where
 * tcp_tw_reuse hides TIME_WAIT. Rootless Docker, Docker Desktop and a remote engine give the
 * container a bridge address this host cannot reach; one short connect tells, and the mapped
 * port is taken then.
 */
final class ContainerEndpoint {

  static final Duration CONNECT_CHECK = Duration.ofSeconds(1);

  private ContainerEndpoint() {}

  /** Whether a TCP connection to an address opens within a time. */
  interface Reachability {
    boolean connects(InetSocketAddress address, Duration timeout);
  }

  /**
   * @param address where the load goes
   * @param how which address it is and why, for the target description
   */
  record Choice(InetSocketAddress address, String how) {}

  static Choice choose(Optional<String> bridgeAddress, int containerPort, InetSocketAddress mappedPort, Reachability reachability) {
    if (bridgeAddress.isEmpty()) {
      return new Choice(mappedPort, "through the mapped port: the container has no address on Docker's bridge network");
    }
    InetSocketAddress bridge = new InetSocketAddress(bridgeAddress.get(), containerPort);
    if (reachability.connects(bridge, CONNECT_CHECK)) {
      return new Choice(bridge, "on its bridge network address, not through loopback");
    }
    return new Choice(mappedPort, "through the mapped port: its bridge address " + bridgeAddress.get() + " did not answer within "
        + CONNECT_CHECK.toMillis() + " ms (rootless Docker, Docker Desktop or a remote engine); loopback traffic may reuse TIME_WAIT ports");
  }

  /** The container's address on the {@code bridge} network (Docker API 1.52 no longer has the top-level one). */
  static Optional<String> bridgeAddress(NetworkSettings settings) {
    Map<String, ContainerNetwork> networks = settings == null ? null : settings.getNetworks();
    return Optional.ofNullable(networks).map(n -> n.get("bridge")).map(ContainerNetwork::getIpAddress).filter(ip -> !ip.isBlank());
  }

  /** A real connect, closed with a reset so that it leaves no TIME_WAIT toward the target for the clean start to wait for. */
  static boolean connects(InetSocketAddress address, Duration timeout) {
    try (Socket socket = new Socket()) {
      socket.setSoLinger(true, 0);
      socket.connect(address, (int) timeout.toMillis());
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
