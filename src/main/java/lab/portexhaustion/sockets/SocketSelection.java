package lab.portexhaustion.sockets;

/**
 * The sockets a full sample looks at: those toward a remote port (the target's; the sampler checks the address), and
 * those holding a local port in a range (the ephemeral range, for the ports in use toward any destination). A table
 * narrowed to a selection may return other sockets too, never fewer.
 */
public record SocketSelection(int remotePort, int localPortLow, int localPortHigh) {

  public SocketSelection {
    if (remotePort < 1 || remotePort > 65535 || localPortLow < 0 || localPortLow > localPortHigh || localPortHigh > 65535) {
      throw new IllegalArgumentException("a socket selection needs a remote port from 1 to 65535 and a local range within"
          + " 0-65535, low end first; got remote port " + remotePort + ", local ports " + localPortLow + "-" + localPortHigh);
    }
  }

  public boolean contains(SocketEntry socket) {
    int local = socket.local().getPort();
    return socket.remote().getPort() == remotePort || (local >= localPortLow && local <= localPortHigh);
  }
}
