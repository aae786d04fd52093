package lab.portexhaustion.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.mongodb.ConnectionString;
import io.gatling.netty.util.Transports;
import io.netty.channel.EventLoopGroup;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import lab.portexhaustion.TestSettings;
import lab.portexhaustion.config.StrategyKind;
import lab.portexhaustion.failure.ErrorClassifier;
import lab.portexhaustion.failure.SocketErrorListener;
import lab.portexhaustion.target.UriMongoTarget;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A raw-socket request on an event loop fails as the same request over a blocking socket does, against a server on a
 * real loopback socket that answers the strategy's probe, then misbehaves: the classifier sees the same failures.
 */
class RawSocketOnALoopFailuresTest {

  private final EventLoopGroup loops = Transports.newEventLoopGroup(true, false, 1, "loop-test");

  @AfterEach
  void stop() throws InterruptedException {
    loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
  }

  @Test
  void aServerThatClosesBeforeItsReplyIsAnEndOfStreamOnBoth() throws Exception {
    try (MisbehavingServer server = new MisbehavingServer(false);
        EventLoopStrategy strategy = rawSocket(server, "2s")) {
      Throwable onLoop = failureOnALoop(strategy);
      Throwable blocking = catchThrowable(() -> strategy.execute(StrategyFactory.settingsOperation(TestSettings.with())));

      assertThat(onLoop).isInstanceOf(EOFException.class);
      assertThat(ErrorClassifier.classify(onLoop)).isEqualTo(ErrorClassifier.classify(blocking));
      assertThat(ErrorClassifier.classify(onLoop).message()).isEqualTo("closed by server: end of stream before the reply");
    }
  }

  @Test
  void aServerThatNeverAnswersIsAReadTimeout() throws Exception {
    try (MisbehavingServer server = new MisbehavingServer(true);
        EventLoopStrategy strategy = rawSocket(server, "300ms")) {
      long started = System.nanoTime();
      Throwable onLoop = failureOnALoop(strategy);

      assertThat(onLoop).isInstanceOf(SocketTimeoutException.class);
      assertThat(ErrorClassifier.classify(onLoop).message()).isEqualTo("timeout: read");
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("the read timeout, not before").isGreaterThanOrEqualTo(300);
    }
  }

  private Throwable failureOnALoop(EventLoopStrategy strategy) throws InterruptedException {
    try {
      strategy.send(StrategyFactory.settingsOperation(TestSettings.with()), loops.next(), Transports.newSocketChannelFactory(true, false))
          .toCompletableFuture().get(5, TimeUnit.SECONDS);
      throw new AssertionError("the request succeeded");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the request never ended", e);
    }
  }

  private static EventLoopStrategy rawSocket(MisbehavingServer server, String readTimeout) {
    return (EventLoopStrategy) StrategyFactory.create(StrategyKind.RAW_SOCKET,
        UriMongoTarget.of(new ConnectionString("mongodb://127.0.0.1:" + server.port()), "test"),
        TestSettings.with("timeouts.read", readTimeout), SocketErrorListener.NONE);
  }

  /** Answers the first connection's command with ok: 1 (the strategy's probe); then reads each command and closes, or never answers. */
  private static final class MisbehavingServer implements AutoCloseable {
    private final ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    private final CountDownLatch closed = new CountDownLatch(1);

    MisbehavingServer(boolean silent) throws IOException {
      Thread accepting = new Thread(() -> serve(silent), "misbehaving-server");
      accepting.setDaemon(true);
      accepting.start();
    }

    int port() {
      return listener.getLocalPort();
    }

    private void serve(boolean silent) {
      boolean probed = false;
      while (!listener.isClosed()) {
        try (Socket client = listener.accept()) {
          readCommand(client);
          if (!probed) {
            probed = true;
            client.getOutputStream().write(OpMsgCodec.encode(1, new BsonDocument("ok", new BsonInt32(1))));
          } else if (silent) {
            closed.await(5, TimeUnit.SECONDS);
          }
        } catch (IOException | InterruptedException gone) {
          // the listener closed, or the client went away
        }
      }
    }

    private static void readCommand(Socket client) throws IOException {
      DataInputStream in = new DataInputStream(client.getInputStream());
      byte[] length = new byte[4];
      in.readFully(length);
      in.readFully(new byte[ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getInt() - 4]);
    }

    @Override
    public void close() throws IOException {
      closed.countDown();
      listener.close();
    }
  }
}
