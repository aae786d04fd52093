package lab.portexhaustion.sockets;

/**
 * The sockets a full sample looks at: those toward a remote port from {@code remotePortLow} to {@code remotePortHigh}
 * (the target's ports, from its lowest to its highest where it has several hosts; the sampler checks the addresses), and
 * those holding a local port in a range (the ephemeral range, for the ports in use toward any destination). A table
 * narrowed to a selection may return other sockets too, never fewer.
 */
public record SocketSelection(int remotePortLow, int remotePortHigh, int localPortLow, int localPortHigh) {

  public SocketSelection {
    if (remotePortLow < 1 || remotePortLow > remotePortHigh || remotePortHigh > 65535 || localPortLow < 0
        || localPortLow > localPortHigh || localPortHigh > 65535) {
      throw new IllegalArgumentException("a socket selection needs remote ports within 1-65535 and local ports within"
          + " 0-65535, low end first; got remote ports " + remotePortLow + "-" + remotePortHigh + ", local ports "
          + localPortLow + "-" + localPortHigh);
    }
  }
}
