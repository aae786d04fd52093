package lab.portexhaustion.sockets;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Linux's socket table from {@code /proc/net/tcp} and {@code /proc/net/tcp6}. Parsed by hand,
 * from bytes, because it is the sampler's hot path: at 30,000 sockets the kernel alone takes as
 * long to write these files as {@code ss -tan} takes in all, so the parsing must add little (a
 * library, OSHI, takes several times longer on the same files). Java sockets are dual-stack, so
 * most IPv4 traffic shows in tcp6 as {@code ::ffff:a.b.c.d}; those addresses are reported as
 * plain IPv4.
 */
public final class ProcNetTcpTable implements SocketTable {

  private static final Path TCP4 = Path.of("/proc/net/tcp");
  private static final Path TCP6 = Path.of("/proc/net/tcp6");
  private static final int READ_SIZE = 64 * 1024;
  private static final int WARM_UP_LINES = 2_000;
  private static final int WARM_UP_ROUNDS = 25;

  private final List<Path> files;
  // This machine's own table, which the kernel can also filter; a table of other files (a fixture) cannot be.
  private final boolean live;

  /** The table in {@code files}, read as they are (never narrowed to a selection). */
  public ProcNetTcpTable(List<Path> files) {
    this(files, false);
  }

  private ProcNetTcpTable(List<Path> files, boolean live) {
    this.files = List.copyOf(files);
    this.live = live;
  }

  static boolean isAvailable() {
    return Files.isReadable(TCP4);
  }

  static ProcNetTcpTable system() {
    return new ProcNetTcpTable(Files.isReadable(TCP6) ? List.of(TCP4, TCP6) : List.of(TCP4), true);
  }

  /** This machine's table narrows to the kernel's filtered read, with itself as the fallback. */
  @Override
  public SocketTable narrowedTo(SocketSelection selection) {
    return live ? new KernelFilteredTable(new InetDiagTable(selection), this) : this;
  }

  @Override
  public String toString() {
    return String.join(" and ", files.stream().map(Path::toString).toList());
  }

  @Override
  public List<SocketEntry> read() throws IOException {
    List<SocketEntry> entries = new ArrayList<>();
    Addresses addresses = new Addresses();
    for (Path file : files) {
      byte[] text = readWhole(file);
      parse(text, addresses, entries);
    }
    return entries;
  }

  /**
   * Parses a made-up table of {@link #WARM_UP_LINES} IPv4 and IPv6 lines {@link #WARM_UP_ROUNDS}
   * times: enough passes over the per-line code for the JIT compiler to compile it (some
   * 100,000), where the real table at the start of a run has a few lines.
   */
  @Override
  public void warmUp() {
    byte[] v4 = madeUpTable(false);
    byte[] v6 = madeUpTable(true);
    for (int round = 0; round < WARM_UP_ROUNDS; round++) {
      List<SocketEntry> entries = new ArrayList<>(2 * WARM_UP_LINES);
      Addresses addresses = new Addresses();
      parse(v4, addresses, entries);
      parse(v6, addresses, entries);
    }
  }

  private static byte[] madeUpTable(boolean ipv6) {
    String local = ipv6 ? "0000000000000000FFFF00000100007F" : "0100007F";
    StringBuilder text = new StringBuilder("  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n");
    for (int i = 0; i < WARM_UP_LINES; i++) {
      text.append(String.format("%4d: %s:%04X %s:6989 06 00000000:00000000 03:00000F9D 00000000     0        0 0 3%n",
          i, local, 40000 + i, local));
    }
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * procfs reports a size of 0, so the file is read until it ends rather than to its size, in
   * reads of {@link #READ_SIZE}: measured here at 30,000 sockets, 4 KiB reads took 160 ms, 64 KiB
   * reads 60 ms and 1 MiB reads 75 ms for the same 5 MB.
   */
  private static byte[] readWhole(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      byte[] text = new byte[4 * READ_SIZE];
      int length = 0;
      while (true) {
        if (text.length - length < READ_SIZE) {
          text = Arrays.copyOf(text, text.length * 2);
        }
        int read = channel.read(ByteBuffer.wrap(text, length, READ_SIZE));
        if (read < 0) {
          return Arrays.copyOf(text, length);
        }
        length += read;
      }
    }
  }

  /**
   * Adds the sockets of one {@code /proc/net/tcp}-format text to {@code into}. Each line after
   * the header is {@code sl: local remote st ...}, addresses as hex words, {@code ADDR:PORT}.
   */
  static void parse(byte[] text, Addresses addresses, List<SocketEntry> into) {
    int i = nextLine(text, 0); // column header
    while (i < text.length) {
      int end = nextLine(text, i);
      int colon = indexOf(text, (byte) ':', i, end);
      if (colon > 0) {
        int local = skipSpaces(text, colon + 1, end);
        int remote = skipSpaces(text, fieldEnd(text, local, end), end);
        int state = skipSpaces(text, fieldEnd(text, remote, end), end);
        if (state + 2 <= end) {
          into.add(new SocketEntry(addresses.endpoint(text, local, fieldEnd(text, local, end)),
              addresses.endpoint(text, remote, fieldEnd(text, remote, end)), TcpState.fromLinuxCode(hex(text, state, state + 2))));
        }
      }
      i = end;
    }
  }

  private static int nextLine(byte[] text, int from) {
    int newline = indexOf(text, (byte) '\n', from, text.length);
    return newline < 0 ? text.length : newline + 1;
  }

  private static int indexOf(byte[] text, byte wanted, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static int skipSpaces(byte[] text, int from, int to) {
    int i = from;
    while (i < to && text[i] == ' ') {
      i++;
    }
    return i;
  }

  private static int fieldEnd(byte[] text, int from, int to) {
    int i = from;
    while (i < to && text[i] != ' ' && text[i] != '\n') {
      i++;
    }
    return i;
  }

  static int hex(byte[] text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = (value << 4) | Character.digit(text[i], 16);
    }
    return value;
  }

  /**
   * The addresses of one read, each decoded once: a table of 30,000 sockets holds a handful of
   * distinct addresses, and {@code InetAddress.getByAddress} is the costly part of a line.
   */
  static final class Addresses {

    private final Map<String, InetAddress> seen = new HashMap<>();

    /** {@code 0100007F:1F90} (IPv4) or 32 hex digits + port (IPv6), each 32-bit word in host (little-endian) order. */
    InetSocketAddress endpoint(byte[] text, int from, int to) {
      int colon = indexOf(text, (byte) ':', from, to);
      if (colon < 0) {
        throw new IllegalArgumentException("bad address in /proc/net/tcp: " + new String(text, from, to - from, StandardCharsets.US_ASCII));
      }
      String hexAddress = new String(text, from, colon - from, StandardCharsets.US_ASCII);
      InetAddress address = seen.computeIfAbsent(hexAddress, Addresses::decode);
      return new InetSocketAddress(address, hex(text, colon + 1, to));
    }

    private static InetAddress decode(String hex) {
      byte[] bytes = new byte[hex.length() / 2];
      for (int word = 0; word < bytes.length / 4; word++) {
        for (int b = 0; b < 4; b++) {
          int hexIndex = word * 8 + (3 - b) * 2;
          bytes[word * 4 + b] = (byte) Integer.parseInt(hex, hexIndex, hexIndex + 2, 16);
        }
      }
      try {
        // InetAddress.getByAddress turns ::ffff:a.b.c.d into an Inet4Address by itself.
        return InetAddress.getByAddress(bytes);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("bad address in /proc/net/tcp: " + hex, e);
      }
    }
  }
}
