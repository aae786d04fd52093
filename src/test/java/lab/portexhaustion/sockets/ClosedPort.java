package lab.portexhaustion.sockets;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A loopback port with nothing listening on it, held by a bound socket that never listens: a connect to it is refused at
 * once for as long as it is held, and no other process can bind it meanwhile (a port merely found free could be taken
 * by another listener before a long run reaches it).
 */
public final class ClosedPort implements AutoCloseable {

  private final Socket holder;

  private ClosedPort(Socket holder) {
    this.holder = holder;
  }

  /** Binds a socket to a port the kernel chooses on loopback, without listening. Close it to give the port back. */
  public static ClosedPort held() throws IOException {
    Socket holder = new Socket();
    try {
      holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return new ClosedPort(holder);
    } catch (IOException bindFailed) {
      holder.close();
      throw bindFailed;
    }
  }

  /**
   * A loopback port the kernel just gave a listener, closed again, for a test that binds it itself: free unless another
   * process takes it in between (the kernel hands it out again only once it has gone round its range). A test that needs
   * connects refused takes {@link #held()}.
   */
  public static int freeOnLoopback() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  public int port() {
    return holder.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    holder.close();
  }
}
