package lab.portexhaustion.sockets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The kernel-filtered table: its reply parser against real sock_diag dumps, and its filter against
 * {@code /proc/net/tcp} on live sockets. The {@code inet-diag-tcp*.bin} fixtures are the kernel's replies as
 * {@code ss -tan -4 -a -D} (and {@code -6}) wrote them on this project's machine kind, in a network namespace holding
 * 3 IPv4 connections to 127.0.0.1:27017, 2 more closed into TIME_WAIT and one half-closed (FIN-WAIT-2 and
 * CLOSE-WAIT), 2 over ::1 and one dual-stack connection to [::]:38185, and a listener bound to the {@code lo}
 * device; the {@code ss-from-inet-diag-tcp*.txt} fixtures are what {@code ss -Htan} printed from the same files
 * ({@code TCPDIAG_FILE}).
 */
class InetDiagTableTest {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/linux");
  private static final int CONNECTIONS = 12;
  private static final int INTO_TIME_WAIT = 4;
  /** Where the filter program starts in a request: netlink header (16), inet_diag_req (60), attribute header (4). */
  private static final int FILTER_OFFSET = 80;

  @Test
  void parsesTheKernelsIpv4ReplyAsSsPrintedIt() throws Exception {
    assertThat(parseFixture("inet-diag-tcp4.bin"))
        .containsExactlyElementsOf(SsOutput.parse(Files.readString(FIXTURES.resolve("ss-from-inet-diag-tcp4.txt"))))
        .hasSize(12);
  }

  @Test
  void parsesTheKernelsIpv6ReplyAsSsPrintedItWithMappedAddressesAsIpv4() throws Exception {
    List<SocketEntry> sockets = parseFixture("inet-diag-tcp6.bin");

    assertThat(sockets).containsExactlyElementsOf(SsOutput.parse(Files.readString(FIXTURES.resolve("ss-from-inet-diag-tcp6.txt"))))
        .hasSize(7);
    assertThat(sockets).filteredOn(s -> s.local().getPort() == 52968)
        .singleElement().satisfies(s -> assertThat(s.remote().getAddress().getHostAddress()).isEqualTo("127.0.0.1"));
  }

  @Test
  void aReplyCutBeforeItsEndMarkIsNotDone() throws Exception {
    byte[] reply = Files.readAllBytes(FIXTURES.resolve("inet-diag-tcp4.bin"));
    List<SocketEntry> sockets = new ArrayList<>();

    boolean done = InetDiagTable.parse(ByteBuffer.wrap(reply, 0, reply.length - 20).order(ByteOrder.nativeOrder()), sockets);

    assertThat(done).isFalse();
    assertThat(sockets).hasSize(12);
  }

  @Test
  void aMessageLongerThanTheReplyIsAnError() throws Exception {
    byte[] reply = Files.readAllBytes(FIXTURES.resolve("inet-diag-tcp4.bin"));

    assertThatThrownBy(() -> InetDiagTable.parse(ByteBuffer.wrap(reply, 0, 100).order(ByteOrder.nativeOrder()), new ArrayList<>()))
        .isInstanceOf(IOException.class).hasMessageContaining("where 100 are left");
  }

  /**
   * The cross-check on the real kernel: the filtered read holds exactly the sockets of {@code /proc/net/tcp} and
   * {@code tcp6} that the selection keeps, IPv4 and dual-stack, open and in TIME_WAIT. The host's other sockets come
   * and go between the two reads, so a read that differs is taken again, a few times at most.
   */
  @Test
  void readsWhatProcNetTcpHoldsWithinTheSelection() throws Exception {
    try (LoopbackConnections connections = new LoopbackConnections(CONNECTIONS, 32_768)) {
      connections.closeIntoTimeWait(INTO_TIME_WAIT);
      SocketSelection selection = new SocketSelection(connections.listenerPort(), connections.listenerPort(), connections.firstLocalPort(),
          connections.firstLocalPort() + CONNECTIONS - 1);
      InetDiagTable filtered = new InetDiagTable(selection);

      List<SocketEntry> fromKernel = List.of();
      List<SocketEntry> fromProc = List.of();
      for (int attempt = 0; attempt < 3 && (attempt == 0 || !sameSockets(fromKernel, fromProc)); attempt++) {
        fromKernel = filtered.read();
        fromProc = ProcNetTcpTable.system().read().stream().filter(socket -> selects(selection, socket)).toList();
      }

      assertThat(fromKernel).containsExactlyInAnyOrderElementsOf(fromProc);
      Map<TcpState, Long> ours = fromKernel.stream().filter(s -> s.remote().getPort() == connections.listenerPort()
              && s.local().getPort() >= selection.localPortLow() && s.local().getPort() <= selection.localPortHigh())
          .collect(Collectors.groupingBy(SocketEntry::state, Collectors.counting()));
      assertThat(ours).containsOnly(Map.entry(TcpState.ESTABLISHED, (long) CONNECTIONS - INTO_TIME_WAIT),
          Map.entry(TcpState.TIME_WAIT, (long) INTO_TIME_WAIT));
    }
  }

  /**
   * A target of two hosts on two ports: the filter keeps the sockets toward any remote port from the lower to the higher,
   * here with a local range no socket holds, so that the remote ports alone keep them; both listeners' clients are in.
   */
  @Test
  void keepsTheSocketsTowardARangeOfRemotePorts() throws Exception {
    try (LoopbackConnections one = new LoopbackConnections(CONNECTIONS, 32_768);
        LoopbackConnections other = new LoopbackConnections(CONNECTIONS, 32_768)) {
      int low = Math.min(one.listenerPort(), other.listenerPort());
      int high = Math.max(one.listenerPort(), other.listenerPort());
      SocketSelection selection = new SocketSelection(low, high, 1, 1);
      InetDiagTable filtered = new InetDiagTable(selection);

      List<SocketEntry> fromKernel = List.of();
      List<SocketEntry> fromProc = List.of();
      for (int attempt = 0; attempt < 3 && (attempt == 0 || !sameSockets(fromKernel, fromProc)); attempt++) {
        fromKernel = filtered.read();
        fromProc = ProcNetTcpTable.system().read().stream().filter(socket -> selects(selection, socket)).toList();
      }

      assertThat(fromKernel).containsExactlyInAnyOrderElementsOf(fromProc);
      assertThat(fromKernel.stream().filter(s -> s.remote().getPort() == one.listenerPort()).count()).isEqualTo(CONNECTIONS);
      assertThat(fromKernel.stream().filter(s -> s.remote().getPort() == other.listenerPort()).count()).isEqualTo(CONNECTIONS);
    }
  }

  @Test
  void aRequestTheKernelRefusesFailsWithItsErrno() {
    byte[] request = InetDiagTable.request(new SocketSelection(27017, 27017, 32768, 60999));
    request[FILTER_OFFSET] = 99; // no such filter operation

    assertThatThrownBy(() -> new InetDiagTable(request).read())
        .isInstanceOf(IOException.class).hasMessageContaining("refused").hasMessageContaining("errno 22");
  }

  /** What a selection keeps, applied to /proc's whole table: a socket toward its remote ports or holding one of its local ports. */
  private static boolean selects(SocketSelection selection, SocketEntry socket) {
    int local = socket.local().getPort();
    int remote = socket.remote().getPort();
    return (remote >= selection.remotePortLow() && remote <= selection.remotePortHigh())
        || (local >= selection.localPortLow() && local <= selection.localPortHigh());
  }

  private static boolean sameSockets(List<SocketEntry> a, List<SocketEntry> b) {
    return a.size() == b.size() && a.containsAll(b) && b.containsAll(a);
  }

  private static List<SocketEntry> parseFixture(String name) throws IOException {
    List<SocketEntry> sockets = new ArrayList<>();
    boolean done = InetDiagTable.parse(ByteBuffer.wrap(Files.readAllBytes(FIXTURES.resolve(name))).order(ByteOrder.nativeOrder()),
        sockets);
    assertThat(done).as("the dump ends with its end mark").isTrue();
    return sockets;
  }
}
