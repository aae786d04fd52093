package lab.portexhaustion.sockets;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A port of the tests' own choosing with nothing listening on it. */
public final class ClosedPort {

  private ClosedPort() {}

  /**
   * A loopback port the kernel just gave a listener, which is closed again: a connect to it is refused at once, and a
   * bind to it finds it free, unless another process takes it in between (the kernel hands it out again only once it has
   * gone round its range).
   */
  public static int onLoopback() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }
}
