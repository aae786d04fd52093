package lab.portexhaustion.sockets;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import oshi.SystemInfo;
import oshi.software.os.InternetProtocolStats;
import oshi.software.os.InternetProtocolStats.IPConnection;

/** The socket table through OSHI, for Windows and macOS. */
final class OshiSocketTable implements SocketTable {

  private final InternetProtocolStats stats = new SystemInfo().getOperatingSystem().getInternetProtocolStats();

  @Override
  public List<SocketEntry> read() {
    List<SocketEntry> entries = new ArrayList<>();
    for (IPConnection c : stats.getConnections()) {
      if (c.getType().startsWith("tcp")) {
        entries.add(new SocketEntry(address(c.getLocalAddress(), c.getLocalPort()), address(c.getForeignAddress(), c.getForeignPort()), state(c)));
      }
    }
    return entries;
  }

  private static InetSocketAddress address(byte[] bytes, int port) {
    try {
      return new InetSocketAddress(bytes.length == 0 ? InetAddress.getByAddress(new byte[4]) : InetAddress.getByAddress(bytes), port);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("OSHI returned an address of " + bytes.length + " bytes", e);
    }
  }

  private static TcpState state(IPConnection c) {
    return switch (c.getState()) {
      case ESTABLISHED -> TcpState.ESTABLISHED;
      case SYN_SENT -> TcpState.SYN_SENT;
      case SYN_RECV -> TcpState.SYN_RECV;
      case FIN_WAIT_1 -> TcpState.FIN_WAIT1;
      case FIN_WAIT_2 -> TcpState.FIN_WAIT2;
      case TIME_WAIT -> TcpState.TIME_WAIT;
      case CLOSED -> TcpState.CLOSE;
      case CLOSE_WAIT -> TcpState.CLOSE_WAIT;
      case LAST_ACK -> TcpState.LAST_ACK;
      case LISTEN -> TcpState.LISTEN;
      case CLOSING -> TcpState.CLOSING;
      default -> TcpState.OTHER;
    };
  }
}
