package lab.portexhaustion.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatling.netty.util.Transports;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.unix.Errors;
import java.io.IOException;
import java.net.InetSocketAddress;
import lab.portexhaustion.sockets.ClosedPort;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Netty's native epoll transport, which Gatling's event loops use on Linux, raises its own exception types for the
 * kernel's errors, with the kernel's own text (its strerror): the classifier names them as it names the JDK's.
 */
class NettyNativeErrorsTest {

  // Linux's errno values; Netty exports only some of them.
  private static final int EMFILE = 24;
  private static final int EADDRNOTAVAIL = 99;

  @BeforeAll
  static void nativeTransport() {
    assumeTrue(Epoll.isAvailable(), "Netty's epoll transport runs on Linux only");
  }

  @Test
  void aRealRefusedConnectThroughEpollIsEconnrefused() throws Exception {
    EventLoopGroup loops = Transports.newEventLoopGroup(true, false, 1, "epoll-test");
    try (ClosedPort closed = ClosedPort.held()) {
      ChannelFuture connect = new Bootstrap().group(loops).channelFactory(Transports.newSocketChannelFactory(true, false))
          .handler(new ChannelInboundHandlerAdapter()).connect(new InetSocketAddress("127.0.0.1", closed.port())).await();

      assertThat(connect.cause().getClass().getName()).as("Netty's own type").startsWith("io.netty.channel.");
      ClassifiedError error = ErrorClassifier.classify(connect.cause());
      assertThat(error.kind()).isEqualTo(ErrorKind.SERVER_REFUSED);
      assertThat(error.message()).isEqualTo("ECONNREFUSED Connection refused");
    } finally {
      loops.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).sync();
    }
  }

  @Test
  void noLocalPortLeftOnConnectIsEaddrnotavail() {
    Throwable connect = raised(() -> Errors.throwConnectException("connect", -EADDRNOTAVAIL));

    ClassifiedError error = ErrorClassifier.classify(connect);

    assertThat(error.kind()).isEqualTo(ErrorKind.EPHEMERAL_PORTS);
    assertThat(error.message()).isEqualTo("EADDRNOTAVAIL Cannot assign requested address");
  }

  @Test
  void noDescriptorLeftForANewChannelIsEmfile() {
    // What Netty throws when the socket of a new epoll channel cannot be made: its own IOException, wrapped.
    Throwable newChannel = new ChannelException(Errors.newIOException("newSocketStream", -EMFILE));

    ClassifiedError error = ErrorClassifier.classify(newChannel);

    assertThat(error.kind()).isEqualTo(ErrorKind.DESCRIPTORS);
    assertThat(error.message()).isEqualTo("EMFILE Too many open files");
  }

  @Test
  void aResetReadIsEconnreset() {
    ClassifiedError error = ErrorClassifier.classify(Errors.newConnectionResetException("syscall:read", Errors.ERRNO_ECONNRESET_NEGATIVE));

    assertThat(error.kind()).isEqualTo(ErrorKind.SERVER_REFUSED);
    assertThat(error.code()).isEqualTo("ECONNRESET");
  }

  @Test
  void nettysConnectTimeoutIsAConnectTimeout() {
    ClassifiedError error = ErrorClassifier.classify(new ConnectTimeoutException("connection timed out after 1000 ms: /10.1.2.3:27017"));

    assertThat(error.kind()).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(error.message()).isEqualTo("timeout: connect");
  }

  private static Throwable raised(NativeCall call) {
    try {
      call.run();
    } catch (IOException e) {
      return e;
    }
    throw new AssertionError("Netty raised nothing");
  }

  @FunctionalInterface
  private interface NativeCall {
    void run() throws IOException;
  }
}
