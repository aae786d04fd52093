package lab.portexhaustion.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * One end of the sampler benchmark's loopback connections, in a JVM of its own: the sockets
 * only have to be in the kernel's table, and one process may not hold 30,000 descriptors here.
 * {@code listen N} accepts N connections; {@code connect PORT N} opens N to 127.0.0.1:PORT. Each
 * prints {@code READY <port>} once done and holds its sockets until its standard input ends.
 */
public final class SocketHolder {

  static final String READY = "READY ";
  private static final int BACKLOG = 4096;

  private SocketHolder() {}

  public static void main(String[] args) throws IOException {
    List<Socket> held = new ArrayList<>();
    try (ServerSocket listener = args[0].equals("listen") ? new ServerSocket(0, BACKLOG, InetAddress.getLoopbackAddress()) : null) {
      if (listener != null) {
        System.out.println(READY + listener.getLocalPort()); // the connecting side needs the port before anything is accepted
        System.out.flush();
        for (int i = 0, n = Integer.parseInt(args[1]); i < n; i++) {
          held.add(listener.accept());
        }
        System.out.println(READY + listener.getLocalPort());
      } else {
        int port = Integer.parseInt(args[1]);
        for (int i = 0, n = Integer.parseInt(args[2]); i < n; i++) {
          held.add(new Socket(InetAddress.getLoopbackAddress(), port));
        }
        System.out.println(READY + port);
      }
      System.out.flush();
      System.in.readAllBytes(); // hold until the benchmark closes our input
    } finally {
      for (Socket socket : held) {
        socket.close();
      }
    }
  }
}
