package lab.portexhaustion.sockets;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The fallback to the whole table when the kernel's filter fails: a request the real kernel refuses. */
class KernelFilteredTableTest {

  private final Logger log = (Logger) LoggerFactory.getLogger(KernelFilteredTable.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void listen() {
    logged.start();
    log.addAppender(logged);
  }

  @AfterEach
  void stopListening() {
    log.detachAppender(logged);
  }

  @Test
  void readsTheWholeTableOnceTheFilteredReadFailsAndSaysSoOnce() throws Exception {
    byte[] refused = InetDiagTable.request(new SocketSelection(9, 9, 9, 9));
    refused[80] = 99; // the filter's first operation: none such, the kernel answers EINVAL
    SocketTable table = new KernelFilteredTable(new InetDiagTable(refused), ProcNetTcpTable.system());

    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        Socket accepted = server.accept()) {
      List<SocketEntry> first = table.read();
      List<SocketEntry> second = table.read();

      // Sockets no selection on port 9 would keep: the whole table's.
      assertThat(first).anyMatch(s -> s.local().getPort() == client.getLocalPort() && s.state() == TcpState.ESTABLISHED);
      assertThat(second).anyMatch(s -> s.local().getPort() == client.getLocalPort());
    }
    assertThat(logged.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.WARN);
      assertThat(event.getFormattedMessage()).contains("errno 22").contains("/proc/net/tcp").contains("from now on");
    });
  }

  @Test
  void readsOnlyTheSelectionWhileTheFilterWorks() throws Exception {
    SocketTable table = ProcNetTcpTable.system().narrowedTo(new SocketSelection(9, 9, 9, 9));

    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        Socket accepted = server.accept()) {
      assertThat(table.read()).allMatch(s -> s.local().getPort() == 9 || s.remote().getPort() == 9)
          .noneMatch(s -> s.local().getPort() == client.getLocalPort());
    }
    assertThat(logged.list).isEmpty();
  }
}
