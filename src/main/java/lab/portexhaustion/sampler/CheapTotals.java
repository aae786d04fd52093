package lab.portexhaustion.sampler;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The figures cheap enough to read every 100 ms: TCP totals from {@code /proc/net/sockstat}
 * (microseconds to read, whatever the number of sockets) and this process's descriptors.
 */
final class CheapTotals {

  private static final Path SOCKSTAT = Path.of("/proc/net/sockstat");

  private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
  private final boolean linux = Files.isReadable(SOCKSTAT);

  /** TCP sockets of the host or namespace: in TIME_WAIT and in use; -1 each where unknown. */
  record TcpTotals(long timeWait, long inUse) {
    static final TcpTotals UNKNOWN = new TcpTotals(-1, -1);
  }

  TcpTotals tcpTotals() {
    if (!linux) {
      return TcpTotals.UNKNOWN;
    }
    try {
      return parseSockstat(ProcFile.read(SOCKSTAT));
    } catch (IOException e) {
      return TcpTotals.UNKNOWN;
    }
  }

  /** From the {@code TCP: inuse 5 orphan 0 tw 3 alloc 7 mem 1} line of sockstat. */
  static TcpTotals parseSockstat(String text) {
    for (String line : text.split("\n")) {
      if (line.startsWith("TCP:")) {
        String[] f = line.trim().split("\\s+");
        long inUse = -1;
        long timeWait = -1;
        for (int i = 1; i + 1 < f.length; i += 2) {
          if (f[i].equals("inuse")) {
            inUse = Long.parseLong(f[i + 1]);
          } else if (f[i].equals("tw")) {
            timeWait = Long.parseLong(f[i + 1]);
          }
        }
        return new TcpTotals(timeWait, inUse);
      }
    }
    return TcpTotals.UNKNOWN;
  }

  long descriptorsOpen() {
    return os instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
  }

  long descriptorsMax() {
    return os instanceof UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : -1;
  }
}
