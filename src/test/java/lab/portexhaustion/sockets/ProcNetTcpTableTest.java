package lab.portexhaustion.sockets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The fixtures are real {@code /proc/net/tcp} and {@code tcp6} files, captured on this project's
 * machine kind while a client held: 5 IPv4 sockets in TIME_WAIT toward 127.0.0.1:33053, 3
 * dual-stack connections to port 38185 over ::ffff:127.0.0.1, and one over ::1.
 */
class ProcNetTcpTableTest {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/linux");

  private final List<SocketEntry> sockets =
      readUnchecked(new ProcNetTcpTable(List.of(FIXTURES.resolve("proc-net-tcp.txt"), FIXTURES.resolve("proc-net-tcp6.txt"))));

  @Test
  void readsEverySocketOfBothFiles() {
    assertThat(sockets).hasSize(7 + 9);
  }

  @Test
  void decodesLittleEndianIpv4AddressesPortsAndStates() throws Exception {
    InetSocketAddress server = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 33053);

    List<SocketEntry> towardServer = sockets.stream().filter(s -> s.remote().equals(server)).toList();

    assertThat(towardServer).hasSize(5).allMatch(s -> s.state() == TcpState.TIME_WAIT);
    assertThat(towardServer).extracting(s -> s.local().getPort()).containsExactly(0xD56A, 0xD56E, 0xD570, 0xD572, 0xD576);
  }

  @Test
  void reportsIpv4MappedIpv6AddressesAsIpv4() throws Exception {
    InetSocketAddress server = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 38185);

    assertThat(sockets.stream().filter(s -> s.remote().equals(server)))
        .hasSize(3)
        .allMatch(s -> s.state() == TcpState.ESTABLISHED);
  }

  @Test
  void decodesIpv6Loopback() throws Exception {
    InetSocketAddress server = new InetSocketAddress(InetAddress.getByName("::1"), 38185);

    assertThat(sockets.stream().filter(s -> s.remote().equals(server))).hasSize(1);
  }

  @Test
  void countsStates() {
    Map<TcpState, Long> byState = sockets.stream().collect(Collectors.groupingBy(SocketEntry::state, Collectors.counting()));

    assertThat(byState).containsEntry(TcpState.LISTEN, 3L).containsEntry(TcpState.TIME_WAIT, 5L).containsEntry(TcpState.ESTABLISHED, 8L);
  }

  @Test
  void aTableOfFilesIsNeverNarrowedToTheKernelsFilter() {
    ProcNetTcpTable fixture = new ProcNetTcpTable(List.of(FIXTURES.resolve("proc-net-tcp.txt")));

    assertThat(fixture.narrowedTo(new SocketSelection(27017, 27017, 32768, 60999))).isSameAs(fixture);
    assertThat(SocketTable.forThisMachine().narrowedTo(new SocketSelection(27017, 27017, 32768, 60999)))
        .isInstanceOf(KernelFilteredTable.class);
  }

  @Test
  void seesALiveConnectionOfThisMachine() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        Socket accepted = server.accept()) {
      InetSocketAddress clientEnd = new InetSocketAddress(InetAddress.getLoopbackAddress(), client.getLocalPort());

      assertThat(SocketTable.forThisMachine().read())
          .anyMatch(s -> s.local().equals(clientEnd) && s.state() == TcpState.ESTABLISHED
              && s.remote().getPort() == server.getLocalPort());
    }
  }

  private static List<SocketEntry> readUnchecked(SocketTable table) {
    try {
      return table.read();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
