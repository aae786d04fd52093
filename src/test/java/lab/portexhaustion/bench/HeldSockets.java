package lab.portexhaustion.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Loopback connections held open for the sampler benchmark by two {@link SocketHolder} JVMs, one
 * per end: {@code connections} connections are twice as many sockets in the kernel's table.
 */
final class HeldSockets implements AutoCloseable {

  private final Process listening;
  private final BufferedReader listeningOutput;
  private final Process connecting;
  private final int port;
  private final int sockets;

  HeldSockets(int connections) throws IOException {
    listening = ChildJvm.start(SocketHolder.class.getName(), List.of("listen", String.valueOf(connections)));
    listeningOutput = new BufferedReader(new InputStreamReader(listening.getInputStream(), StandardCharsets.US_ASCII));
    port = readyPort(listeningOutput);
    connecting = ChildJvm.start(SocketHolder.class.getName(), List.of("connect", String.valueOf(port), String.valueOf(connections)));
    readyPort(new BufferedReader(new InputStreamReader(connecting.getInputStream(), StandardCharsets.US_ASCII)));
    readyPort(listeningOutput); // every connection accepted
    sockets = 2 * connections;
  }

  private static int readyPort(BufferedReader output) throws IOException {
    String line = output.readLine();
    if (line == null || !line.startsWith(SocketHolder.READY)) {
      throw new IOException("a socket holder stopped before it was ready (" + line + ")");
    }
    return Integer.parseInt(line.substring(SocketHolder.READY.length()));
  }

  InetSocketAddress endpoint() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  int socketCount() {
    return sockets;
  }

  @Override
  public void close() throws IOException {
    for (Process holder : List.of(connecting, listening)) {
      holder.getOutputStream().close();
      try {
        if (!holder.waitFor(30, TimeUnit.SECONDS)) {
          holder.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        holder.destroyForcibly();
      }
    }
  }
}
