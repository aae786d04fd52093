package lab.portexhaustion.sockets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Linux's socket table from {@code /proc/net/tcp} and {@code /proc/net/tcp6}. Parsed by hand
 * because it is the fast path: a library (OSHI) takes several times longer on the same files.
 * Java sockets are dual-stack, so most IPv4 traffic shows in tcp6 as {@code ::ffff:a.b.c.d};
 * those addresses are reported as plain IPv4.
 */
public final class ProcNetTcpTable implements SocketTable {

  private static final Path TCP4 = Path.of("/proc/net/tcp");
  private static final Path TCP6 = Path.of("/proc/net/tcp6");

  private final List<Path> files;

  public ProcNetTcpTable(List<Path> files) {
    this.files = List.copyOf(files);
  }

  static boolean isAvailable() {
    return Files.isReadable(TCP4);
  }

  static ProcNetTcpTable system() {
    return new ProcNetTcpTable(Files.isReadable(TCP6) ? List.of(TCP4, TCP6) : List.of(TCP4));
  }

  @Override
  public List<SocketEntry> read() throws IOException {
    List<SocketEntry> entries = new ArrayList<>();
    for (Path file : files) {
      try (BufferedReader reader = Files.newBufferedReader(file)) {
        parse(reader, entries);
      }
    }
    return entries;
  }

  /** Adds the sockets listed in one {@code /proc/net/tcp}-format text to {@code into}. */
  public static void parse(Reader text, List<SocketEntry> into) throws IOException {
    BufferedReader lines = text instanceof BufferedReader b ? b : new BufferedReader(text);
    lines.readLine(); // column header
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      String[] fields = line.trim().split("\\s+", 5);
      if (fields.length < 4) {
        continue;
      }
      into.add(new SocketEntry(endpoint(fields[1]), endpoint(fields[2]), TcpState.fromLinuxCode(Integer.parseInt(fields[3], 16))));
    }
  }

  /** {@code 0100007F:1F90} (IPv4) or 32 hex digits + port (IPv6), each 32-bit word in host (little-endian) order. */
  static InetSocketAddress endpoint(String field) {
    int colon = field.indexOf(':');
    String hex = field.substring(0, colon);
    int port = Integer.parseInt(field.substring(colon + 1), 16);
    byte[] bytes = new byte[hex.length() / 2];
    for (int word = 0; word < bytes.length / 4; word++) {
      for (int b = 0; b < 4; b++) {
        int hexIndex = word * 8 + (3 - b) * 2;
        bytes[word * 4 + b] = (byte) Integer.parseInt(hex, hexIndex, hexIndex + 2, 16);
      }
    }
    try {
      // InetAddress.getByAddress turns ::ffff:a.b.c.d into an Inet4Address by itself.
      return new InetSocketAddress(InetAddress.getByAddress(bytes), port);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("bad address in /proc/net/tcp: " + field, e);
    }
  }
}
