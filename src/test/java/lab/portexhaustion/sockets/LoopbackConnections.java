package lab.portexhaustion.sockets;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Connections on the real kernel's loopback, each from a local port of its own in a window no socket of the host
 * uses (below the ephemeral range, so the kernel gives none of its ports to anyone else), alternately from IPv4
 * sockets and from the JDK's default dual-stack IPv6 ones, to one listener on 127.0.0.1.
 */
final class LoopbackConnections implements AutoCloseable {

  private static final int WINDOW_ATTEMPTS = 20;

  private final ServerSocketChannel listener;
  private final int listenerPort;
  private final int firstLocalPort;
  private final List<SocketChannel> open = new ArrayList<>();

  LoopbackConnections(int count, int belowPort) throws IOException {
    listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), count);
    listenerPort = ((InetSocketAddress) listener.getLocalAddress()).getPort();
    firstLocalPort = freeWindow(count, belowPort);
    for (int i = 0; i < count; i++) {
      ProtocolFamily family = i % 2 == 0 ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
      SocketChannel client = SocketChannel.open(family);
      client.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), firstLocalPort + i));
      client.connect(listener.getLocalAddress());
      open.add(client);
      open.add(listener.accept());
    }
  }

  /** Closes the first {@code count} connections, each client before its server end: their client ports go to TIME_WAIT. */
  void closeIntoTimeWait(int count) throws IOException {
    for (int i = 0; i < count; i++) {
      open.get(2 * i).close();
      open.get(2 * i + 1).close();
    }
  }

  int listenerPort() {
    return listenerPort;
  }

  int firstLocalPort() {
    return firstLocalPort;
  }

  private static int freeWindow(int size, int belowPort) throws IOException {
    BitSet used = new BitSet(65536);
    for (SocketEntry s : ProcNetTcpTable.system().read()) {
      used.set(s.local().getPort());
    }
    for (int attempt = 0; attempt < WINDOW_ATTEMPTS; attempt++) {
      int first = ThreadLocalRandom.current().nextInt(10_000, belowPort - size);
      if (used.get(first, first + size).isEmpty()) {
        return first;
      }
    }
    throw new IllegalStateException("no window of " + size + " unused local ports below " + belowPort + " in " + WINDOW_ATTEMPTS
        + " tries");
  }

  @Override
  public void close() throws IOException {
    for (SocketChannel channel : open) {
      channel.close();
    }
    listener.close();
  }
}
