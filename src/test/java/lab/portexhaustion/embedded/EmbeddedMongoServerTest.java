package lab.portexhaustion.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.channel.ChannelConfig;
import io.netty.channel.EventLoop;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import lab.portexhaustion.config.EmbeddedMonitoring;
import lab.portexhaustion.config.ServerLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class EmbeddedMongoServerTest {

  private final Logger acceptLog = (Logger) LoggerFactory.getLogger(AcceptFailureLog.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void listen() {
    logged.start();
    acceptLog.addAppender(logged);
  }

  @AfterEach
  void stopListening() {
    acceptLog.detachAppender(logged);
  }

  @Test
  void afterABindOnATakenPortTheNextListenerStillLogsAcceptFailuresOnce() throws Exception {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket taken = new ServerSocket(0, 1, loopback);
        EmbeddedMongoServer server = new EmbeddedMongoServer(ServerLimits.NONE, EmbeddedMonitoring.STREAMING)) {
      assertThatThrownBy(() -> server.bind(new InetSocketAddress(loopback, taken.getLocalPort())));
      server.bind(new InetSocketAddress(loopback, 0));

      // The log joins the pipeline in a task on the listener's event loop: wait for it, then fail twice as accept does.
      server.listenerPipeline().channel().eventLoop().submit(() -> {}).sync();
      server.listenerPipeline().fireExceptionCaught(new IOException("Too many open files"));
      server.listenerPipeline().fireExceptionCaught(new IOException("Too many open files"));
      server.listenerPipeline().channel().eventLoop().submit(() -> {}).sync();

      assertThat(logged.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
          .contains("embedded server cannot accept connections", "Too many open files");
      assertThat(server.acceptFailures()).isEqualTo(2);
    }
  }

  @Test
  void aFailedAcceptPausesAcceptingForASecondSoTheListenerDoesNotSpin() throws Exception {
    try (EmbeddedMongoServer server = new EmbeddedMongoServer(ServerLimits.NONE, EmbeddedMonitoring.STREAMING)) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      ChannelConfig listener = server.listenerPipeline().channel().config();
      EventLoop loop = server.listenerPipeline().channel().eventLoop();

      long failed = System.nanoTime();
      loop.submit(() -> server.listenerPipeline().fireExceptionCaught(new IOException("Too many open files"))).sync();

      assertThat(listener.isAutoRead()).as("accepting, just after the failure").isFalse();
      while (!listener.isAutoRead() && System.nanoTime() - failed < TimeUnit.SECONDS.toNanos(5)) {
        Thread.sleep(10);
      }
      Duration paused = Duration.ofNanos(System.nanoTime() - failed);
      assertThat(listener.isAutoRead()).as("accepting again").isTrue();
      assertThat(paused).isBetween(AcceptFailureLog.PAUSE.minusMillis(50), AcceptFailureLog.PAUSE.plusMillis(1500));
    }
  }
}
