package lab.portexhaustion.sampler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import lab.portexhaustion.process.OwnDescriptors;
import lab.portexhaustion.sampler.PortSample.Descriptors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures cheap enough to read every 100 ms, whatever the number of sockets: TCP totals from
 * {@code /proc/net/sockstat} and {@code sockstat6}, both kept open (some 0.1 ms a read), and this
 * process's descriptors.
 */
final class CheapTotals implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CheapTotals.class);
  private static final Path SOCKSTAT = Path.of("/proc/net/sockstat");
  // IPv6 sockets, the JDK's default even toward 127.0.0.1, are counted here and not in sockstat's TCP line (TIME_WAIT is).
  private static final Path SOCKSTAT6 = Path.of("/proc/net/sockstat6");

  private final OpenProcFile sockstat = open(SOCKSTAT);
  private final OpenProcFile sockstat6 = open(SOCKSTAT6);

  /** TCP sockets of the host or namespace: in TIME_WAIT and in use; empty each where unknown. */
  record TcpTotals(Optional<Long> timeWait, Optional<Long> inUse) {
    static final TcpTotals UNKNOWN = new TcpTotals(Optional.empty(), Optional.empty());
  }

  private static OpenProcFile open(Path file) {
    if (!Files.isReadable(file)) {
      return null; // not Linux, or (sockstat6) no IPv6
    }
    try {
      return new OpenProcFile(file);
    } catch (IOException e) {
      LOG.warn("cannot open {}: TCP totals will be missing from the samples ({})", file, e.toString());
      return null;
    }
  }

  TcpTotals tcpTotals() {
    if (sockstat == null) {
      return TcpTotals.UNKNOWN;
    }
    try {
      TcpTotals ipv4 = parseSockstat(sockstat.read());
      long ipv6InUse = sockstat6 == null ? 0 : tcpField(sockstat6.read(), "TCP6:", "inuse").orElse(0L);
      return new TcpTotals(ipv4.timeWait(), ipv4.inUse().map(inUse -> inUse + ipv6InUse));
    } catch (IOException e) {
      return TcpTotals.UNKNOWN;
    }
  }

  /** From the {@code TCP: inuse 5 orphan 0 tw 3 alloc 7 mem 1} line of sockstat: IPv4 in use, and TIME_WAIT of both. */
  static TcpTotals parseSockstat(String text) {
    return new TcpTotals(tcpField(text, "TCP:", "tw"), tcpField(text, "TCP:", "inuse"));
  }

  /**
   * A count from the line that starts with {@code prefix}, such as {@code TCP6: inuse 2}; empty if absent. Read by
   * hand rather than split with a regular expression: it runs every 100 ms.
   */
  static Optional<Long> tcpField(String text, String prefix, String name) {
    int line = text.startsWith(prefix) ? 0 : text.indexOf("\n" + prefix) + 1;
    if (line <= 0 && !text.startsWith(prefix)) {
      return Optional.empty();
    }
    int end = text.indexOf('\n', line);
    // One space between fields: split's single-character fast path, no pattern compiled.
    String[] fields = text.substring(line + prefix.length(), end < 0 ? text.length() : end).trim().split(" ");
    for (int i = 0; i + 1 < fields.length; i += 2) {
      if (fields[i].equals(name)) {
        return Optional.of(Long.parseLong(fields[i + 1]));
      }
    }
    return Optional.empty();
  }

  /** This process's open descriptors (at the limit, the limit) and its limit; empty where the OS does not count them. */
  Optional<Descriptors> descriptors() {
    return OwnDescriptors.max().flatMap(max -> OwnDescriptors.open().map(open -> new Descriptors(open, max)));
  }

  @Override
  public void close() {
    for (OpenProcFile file : new OpenProcFile[] {sockstat, sockstat6}) {
      if (file != null) {
        try {
          file.close();
        } catch (IOException e) {
          LOG.debug("closing a sockstat file: {}", e.toString());
        }
      }
    }
  }
}
