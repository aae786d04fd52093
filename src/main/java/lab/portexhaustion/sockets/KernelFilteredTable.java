package lab.portexhaustion.sockets;

import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sockets of a selection, filtered by the kernel; the whole table instead, from the first failure on (a kernel
 * without sock_diag, a sandbox that forbids netlink sockets, no native library for JNA), said once in the log. The
 * whole table holds every socket of the selection, so the counts stay right; only the cost grows.
 */
final class KernelFilteredTable implements SocketTable {

  private static final Logger LOG = LoggerFactory.getLogger(KernelFilteredTable.class);

  private final SocketTable filtered;
  private final SocketTable whole;
  private volatile boolean failed;

  KernelFilteredTable(SocketTable filtered, SocketTable whole) {
    this.filtered = filtered;
    this.whole = whole;
  }

  @Override
  public List<SocketEntry> read() throws IOException {
    if (!failed) {
      try {
        return filtered.read();
      } catch (IOException | RuntimeException | LinkageError e) { // LinkageError: JNA's native library did not load
        failed = true;
        LOG.warn("the kernel-filtered socket table failed ({}): full samples read the whole table ({}) from now on, which"
            + " costs more on a host with many sockets", e.getMessage(), whole);
      }
    }
    return whole.read();
  }

  @Override
  public void warmUp() {
    whole.warmUp();
  }

  @Override
  public String toString() {
    return "the kernel's sock_diag filter, or else " + whole;
  }
}
