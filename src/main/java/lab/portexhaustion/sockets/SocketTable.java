package lab.portexhaustion.sockets;

import java.io.IOException;
import java.util.List;

/** The host's TCP socket table, read on demand. */
public interface SocketTable {

  List<SocketEntry> read() throws IOException;

  /** Runs the reading code on a table of this machine's format until it is compiled, before a run needs it fast. */
  default void warmUp() {}

  /** The table of this machine: {@code /proc/net/tcp*} on Linux, OSHI elsewhere. */
  static SocketTable forThisMachine() {
    return ProcNetTcpTable.isAvailable() ? ProcNetTcpTable.system() : new OshiSocketTable();
  }
}
