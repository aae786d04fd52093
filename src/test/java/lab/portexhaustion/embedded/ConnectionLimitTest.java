package lab.portexhaustion.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.function.IntSupplier;
import lab.portexhaustion.config.EmbeddedMonitoring;
import lab.portexhaustion.config.ServerLimits;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The server's connection cap closes a connection on arrival, logs it as mongod does, and keeps who it refused first. */
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

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Test
  void theServerKeepsWhoItRefusedFirst() throws Exception {
    try (EmbeddedMongoServer server = new EmbeddedMongoServer(new ServerLimits(1, Duration.ZERO), EmbeddedMonitoring.STREAMING)) {
      server.bind(new InetSocketAddress("127.0.0.1", 0));
      try (Socket kept = new Socket("127.0.0.1", server.localAddress().getPort())) {
        awaitOpen(server::openConnections, 1); // accepted first, so that the limit falls on the second
        Socket refused = new Socket("127.0.0.1", server.localAddress().getPort());
        refused.setSoTimeout(5_000);
        InputStream in = refused.getInputStream();
        assertThat(in.read()).as("closed on arrival: end of stream").isEqualTo(-1);

        assertThat(server.refusedConnections()).isEqualTo(1);
        assertThat(server.firstRefused().from()).isEqualTo("/127.0.0.1:" + refused.getLocalPort());
        assertThat(server.firstRefused().epochMillis()).isCloseTo(System.currentTimeMillis(), Offset.offset(5_000L));
        assertThat(server.openConnections()).isEqualTo(1);
        assertThat(logged.list).singleElement().extracting(ILoggingEvent::getFormattedMessage)
            .isEqualTo("connection refused because too many open connections: 1");
        refused.close();
      }
    }
  }

  private static void awaitOpen(IntSupplier open, int connections) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (open.getAsInt() < connections && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }
}
