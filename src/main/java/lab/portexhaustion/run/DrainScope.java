package lab.portexhaustion.run;

import java.net.InetSocketAddress;
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
record DrainScope(InetSocketAddress target, EphemeralRange range, boolean wholeRange) {

  static DrainScope of(NetworkConditions network, InetSocketAddress target) {
    return new DrainScope(target, network.range(), network.portAllocation() == NetworkConditions.PortAllocation.GLOBAL);
  }

  boolean holdsAPort(SocketEntry socket) {
    return socket.state() == TcpState.TIME_WAIT
        && (wholeRange ? range.contains(socket.local().getPort()) : socket.remote().equals(target));
  }

  String describe() {
    return wholeRange
        ? "in the ephemeral range " + range + ", toward any destination (one pool for all)"
        : "toward " + target.getHostString() + ":" + target.getPort();
  }
}
