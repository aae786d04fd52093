package lab.portexhaustion.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import lab.portexhaustion.config.EmbeddedMonitoring;
import lab.portexhaustion.config.ServerLimits;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The server's connection cap closes a connection on arrival, logs it as mongod 7.0 does (at most once a second, with
 * the count since the last line), and keeps who it refused first.
 */
class ConnectionLimitTest {

  private final Logger limitLog = (Logger) LoggerFactory.getLogger(ConnectionLimitHandler.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void listen() {
    logged.start();
    limitLog.addAppender(logged);
  }

  @AfterEach
  void stopListening() {
    limitLog.detachAppender(logged);
  }


  @Test
  void theServerKeepsWhoItRefusedFirst() throws Exception {
    try (EmbeddedMongoServer server = new EmbeddedMongoServer(new ServerLimits(1, Duration.ZERO), EmbeddedMonitoring.STREAMING)) {
      server.bind(new InetSocketAddress("127.0.0.1", 0));
      try (Socket kept = new Socket("127.0.0.1", server.localAddress().getPort())) {
        OpenConnections.awaitAtLeast(server::openConnections, 1); // accepted first, so that the limit falls on the second
        Socket refused = new Socket("127.0.0.1", server.localAddress().getPort());
        refused.setSoTimeout(5_000);
        InputStream in = refused.getInputStream();
        assertThat(in.read()).as("closed on arrival: end of stream").isEqualTo(-1);

        assertThat(server.refusedConnections()).isEqualTo(1);
        assertThat(server.firstRefused().from()).isEqualTo("/127.0.0.1:" + refused.getLocalPort());
        assertThat(server.firstRefused().epochMillis()).isCloseTo(System.currentTimeMillis(), Offset.offset(5_000L));
        assertThat(server.openConnections()).isEqualTo(1);
        assertThat(logged.list).singleElement().extracting(ILoggingEvent::getFormattedMessage)
            .isEqualTo("Connection refused because there are too many open connections (remote: 127.0.0.1:"
                + refused.getLocalPort() + ", connectionCount: 1)");
        refused.close();
      }
    }
  }

  @Test
  void aFloodOfRefusalsIsLoggedOnceASecondWithTheCountSinceTheLastLine() throws Exception {
    try (EmbeddedMongoServer server = new EmbeddedMongoServer(new ServerLimits(1, Duration.ZERO), EmbeddedMonitoring.STREAMING)) {
      server.bind(new InetSocketAddress("127.0.0.1", 0));
      try (Socket kept = new Socket("127.0.0.1", server.localAddress().getPort())) {
        OpenConnections.awaitAtLeast(server::openConnections, 1);
        long began = System.nanoTime();
        for (int i = 0; i < 3; i++) {
          refuse(server);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - began)).as("three refusals well within the second")
            .isLessThan(Duration.ofMillis(900));
        assertThat(logged.list).as("one line for the first of them").hasSize(1);

        Thread.sleep(1_100);
        int port = refuse(server);
        assertThat(server.refusedConnections()).isEqualTo(4);
        assertThat(logged.list).hasSize(2);
        assertThat(logged.list.get(1).getFormattedMessage())
            .isEqualTo("Connection refused because there are too many open connections (remote: 127.0.0.1:" + port
                + ", connectionCount: 1); 3 refused since the last such line");
      }
    }
  }

  /** Connects past the cap and reads the end of the stream; the connection's local port. */
  private static int refuse(EmbeddedMongoServer server) throws Exception {
    try (Socket refused = new Socket("127.0.0.1", server.localAddress().getPort())) {
      refused.setSoTimeout(5_000);
      assertThat(refused.getInputStream().read()).as("closed on arrival").isEqualTo(-1);
      return refused.getLocalPort();
    }
  }

}
