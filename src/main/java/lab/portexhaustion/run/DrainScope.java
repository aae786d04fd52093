package lab.portexhaustion.run;

import java.net.InetSocketAddress;
import java.util.Set;
import java.util.stream.Collectors;
import lab.portexhaustion.sampler.EphemeralRange;
import lab.portexhaustion.sampler.NetworkConditions;
import lab.portexhaustion.sockets.SocketEntry;
import lab.portexhaustion.sockets.TcpState;

/**
 * Which TIME_WAIT sockets take a port the next simulation needs. Where the OS picks a port per
 * destination (Linux), only those toward the target: a port held toward another destination is
 * free for this one. Where every connection draws from one pool (Windows, macOS), every socket
 * whose local port lies in the ephemeral range, whatever its destination: the previous
 * simulation's embedded server had another port, and its TIME_WAIT still empties the pool.
 */
record DrainScope(Set<InetSocketAddress> targets, EphemeralRange range, boolean wholeRange) {

  /** {@code targets}: the target's addresses, each host's where it has several (MongoTarget#followed). */
  static DrainScope of(NetworkConditions network, Set<InetSocketAddress> targets) {
    return new DrainScope(Set.copyOf(targets), network.range(), network.portAllocation() == NetworkConditions.PortAllocation.GLOBAL);
  }

  boolean holdsAPort(SocketEntry socket) {
    return socket.state() == TcpState.TIME_WAIT
        && (wholeRange ? range.contains(socket.local().getPort()) : targets.contains(socket.remote()));
  }

  String describe() {
    return wholeRange
        ? "in the ephemeral range " + range + ", toward any destination (one pool for all)"
        : "toward " + targets.stream().map(t -> t.getHostString() + ":" + t.getPort()).sorted().collect(Collectors.joining(", "));
  }
}
