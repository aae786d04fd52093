package lab.portexhaustion.sockets;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The TCP sockets in the text of {@code ss -Htan} (numeric, no header): the reference the kernel-filtered table is
 * checked against, in tests and in {@code scripts/bench}. A line is {@code STATE RECV-Q SEND-Q LOCAL PEER}, an
 * endpoint {@code 127.0.0.1:27017}, {@code [::ffff:127.0.0.1]:52968}, {@code 127.0.0.1%lo:5353} (bound to a
 * device), {@code 0.0.0.0:*} or {@code *:*} (any address, any port; a bare {@code *} is IPv6's any address).
 */
public final class SsOutput {

  private SsOutput() {}

  public static List<SocketEntry> parse(String text) {
    List<SocketEntry> entries = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.trim().split("\\s+");
      if (fields.length < 5) {
        throw new IllegalArgumentException("not a line of ss -Htan: " + line);
      }
      entries.add(new SocketEntry(endpoint(fields[3]), endpoint(fields[4]), state(fields[0])));
    }
    return entries;
  }

  static InetSocketAddress endpoint(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("no port in ss's endpoint " + text);
    }
    String address = text.substring(0, colon);
    int device = address.indexOf('%');
    if (device >= 0) {
      address = address.substring(0, device);
    }
    if (address.startsWith("[") && address.endsWith("]")) {
      address = address.substring(1, address.length() - 1);
    }
    String port = text.substring(colon + 1);
    try {
      // A literal, never a name: getByName does no lookup; ::ffff:a.b.c.d comes back as IPv4, as from the kernel.
      InetAddress parsed = InetAddress.getByName(address.equals("*") ? "::" : address);
      return new InetSocketAddress(parsed, port.equals("*") ? 0 : Integer.parseInt(port));
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException("not an endpoint of ss -n: " + text, e);
    }
  }

  static TcpState state(String name) {
    return switch (name) {
      case "ESTAB" -> TcpState.ESTABLISHED;
      case "SYN-SENT" -> TcpState.SYN_SENT;
      case "SYN-RECV" -> TcpState.SYN_RECV;
      case "FIN-WAIT-1" -> TcpState.FIN_WAIT1;
      case "FIN-WAIT-2" -> TcpState.FIN_WAIT2;
      case "TIME-WAIT" -> TcpState.TIME_WAIT;
      case "UNCONN" -> TcpState.CLOSE;
      case "CLOSE-WAIT" -> TcpState.CLOSE_WAIT;
      case "LAST-ACK" -> TcpState.LAST_ACK;
      case "LISTEN" -> TcpState.LISTEN;
      case "CLOSING" -> TcpState.CLOSING;
      default -> throw new IllegalArgumentException("not a TCP state of ss: " + name);
    };
  }
}
