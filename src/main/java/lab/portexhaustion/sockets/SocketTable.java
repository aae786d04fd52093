package lab.portexhaustion.sockets;

import java.io.IOException;
import java.util.List;

/** The host's TCP socket table, read on demand. */
public interface SocketTable {

  List<SocketEntry> read() throws IOException;

  /** Runs the reading code on a table of this machine's format until it is compiled, before a run needs it fast. */
  default void warmUp() {}

  /**
   * A table that reads the sockets of {@code selection} and as few others as it can. Linux's filters them in the
   * kernel (sock_diag) and falls back to itself; a table that cannot filter returns itself.
   */
  default SocketTable narrowedTo(SocketSelection selection) {
    return this;
  }

  /** The table of this machine: {@code /proc/net/tcp*} on Linux, OSHI elsewhere. */
  static SocketTable forThisMachine() {
    return ProcNetTcpTable.isAvailable() ? ProcNetTcpTable.system() : new OshiSocketTable();
  }
}
