package lab.portexhaustion.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Loopback sockets for the sampler benchmarks, in a JVM of its own: the sockets only have to be in the kernel's
 * table, and one process may not hold 20,000 descriptors here. Each mode prints {@code READY <port>} once done and
 * holds its sockets until its standard input ends.
 *
 * <ul>
 *   <li>{@code listen N} accepts N connections on a port of the ephemeral range;
 *   <li>{@code connect PORT N} opens N to 127.0.0.1:PORT from ports of the ephemeral range;
 *   <li>{@code pairs PORT ADDRESS FIRST N inet|inet6} holds both ends of N connections to 127.0.0.1:PORT, each from
 *       ADDRESS (another loopback address) and a port of its own from FIRST on, as IPv4 or dual-stack IPv6 sockets:
 *       with PORT and FIRST below the ephemeral range, none of these sockets is one a full sample looks at.
 * </ul>
 */
public final class SocketHolder {

  static final String READY = "READY ";
  private static final int BACKLOG = 4096;

  private SocketHolder() {}

  public static void main(String[] args) throws IOException {
    List<AutoCloseable> held = new ArrayList<>();
    try {
      int port = switch (args[0]) {
        case "listen" -> listen(Integer.parseInt(args[1]), held);
        case "connect" -> connect(Integer.parseInt(args[1]), Integer.parseInt(args[2]), held);
        case "pairs" -> pairs(Integer.parseInt(args[1]), InetAddress.getByName(args[2]), Integer.parseInt(args[3]),
            Integer.parseInt(args[4]), args[5].equals("inet") ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6, held);
        default -> throw new IllegalArgumentException("unknown mode " + args[0]);
      };
      System.out.println(READY + port);
      System.out.flush();
      System.in.readAllBytes(); // hold until the benchmark closes our input
    } finally {
      for (AutoCloseable socket : held) {
        try {
          socket.close();
        } catch (Exception e) {
          // closing at exit: nothing left to do with it
        }
      }
    }
  }

  private static int listen(int connections, List<AutoCloseable> held) throws IOException {
    ServerSocket listener = new ServerSocket(0, BACKLOG, InetAddress.getLoopbackAddress());
    held.add(listener);
    System.out.println(READY + listener.getLocalPort()); // the connecting side needs the port before anything is accepted
    System.out.flush();
    for (int i = 0; i < connections; i++) {
      held.add(listener.accept());
    }
    return listener.getLocalPort();
  }

  private static int connect(int port, int connections, List<AutoCloseable> held) throws IOException {
    for (int i = 0; i < connections; i++) {
      held.add(new Socket(InetAddress.getLoopbackAddress(), port));
    }
    return port;
  }

  private static int pairs(int port, InetAddress from, int firstLocalPort, int connections, StandardProtocolFamily family,
      List<AutoCloseable> held) throws IOException {
    ServerSocketChannel listener = ServerSocketChannel.open(family)
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
    held.add(listener);
    for (int i = 0; i < connections; i++) {
      SocketChannel client = SocketChannel.open(family).bind(new InetSocketAddress(from, firstLocalPort + i));
      held.add(client);
      client.connect(listener.getLocalAddress());
      held.add(listener.accept());
    }
    return port;
  }
}
