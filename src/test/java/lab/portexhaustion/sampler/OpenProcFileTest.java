package lab.portexhaustion.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against the real kernel: a procfs file kept open shows the kernel's figures as they are at each read. */
class OpenProcFileTest {

  private static final int CONNECTIONS = 100;

  @Test
  void eachReadFromTheStartSeesTheKernelsCurrentTextEvenPastTheFirstBuffer() throws Exception {
    // The JDK's sockets are IPv6 sockets (IPv4-mapped toward 127.0.0.1): they are listed in tcp6.
    Path tcp = Path.of("/proc/net/tcp6");
    assumeTrue(Files.isReadable(tcp), "Linux with IPv6 only");
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    try (OpenProcFile table = new OpenProcFile(tcp); ServerSocket listener = new ServerSocket(0, CONNECTIONS, loopback)) {
      long before = table.read().lines().count();
      List<Socket> sockets = new ArrayList<>();
      try {
        connect(listener, sockets);
        String now = table.read();

        // 200 more lines of some 150 bytes: several times the first 4 KiB buffer.
        assertThat(now.lines().count()).isGreaterThanOrEqualTo(before + 2L * CONNECTIONS - 10);
        // The table is the whole host's: other processes may open or close a socket between two reads, so the two
        // reads are compared until they agree (50 times at most: a host running a load test changes its table often).
        long fresh = ProcFile.read(tcp).lines().count();
        for (int attempt = 0; attempt < 50 && now.lines().count() != fresh; attempt++) {
          now = table.read();
          fresh = ProcFile.read(tcp).lines().count();
        }
        assertThat(now.lines().count()).isEqualTo(fresh);
        assertThat(now).endsWith("\n");
      } finally {
        closeAll(sockets);
      }
    }
  }

  @Test
  void totalsReadAgainCountTheSocketsOpenedSinceIpv6Included() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/net/sockstat6")), "Linux with IPv6 only");
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    try (CheapTotals totals = new CheapTotals(); ServerSocket listener = new ServerSocket(0, CONNECTIONS, loopback)) {
      long before = totals.tcpTotals().inUse().orElseThrow();
      List<Socket> sockets = new ArrayList<>();
      try {
        connect(listener, sockets);

        assertThat(totals.tcpTotals().inUse().orElseThrow()).isGreaterThanOrEqualTo(before + 2L * CONNECTIONS - 10);
      } finally {
        closeAll(sockets);
      }
    }
  }

  /** Both ends of {@link #CONNECTIONS} loopback connections, added to {@code sockets} as they open. */
  private static void connect(ServerSocket listener, List<Socket> sockets) throws Exception {
    for (int i = 0; i < CONNECTIONS; i++) {
      sockets.add(new Socket(listener.getInetAddress(), listener.getLocalPort()));
      sockets.add(listener.accept());
    }
  }

  private static void closeAll(List<Socket> sockets) throws Exception {
    for (Socket s : sockets) {
      s.close();
    }
  }
}
