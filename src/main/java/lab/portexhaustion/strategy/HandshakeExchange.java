package lab.portexhaustion.strategy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import lab.portexhaustion.config.Timeouts;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

/**
 * Commands over OP_MSG on a socket the caller opened, for the strategies that talk to the server
 * without a driver: the handshake, or a request's own command. The command is {@code hello} where the server knows it (MongoDB
 * 4.4.2+, and the embedded server); older servers only know the legacy {@code isMaster}. It is
 * decided once, before the load, as the driver does.
 */
final class HandshakeExchange {

  private final Timeouts timeouts;
  private final AtomicInteger requestIds = new AtomicInteger();
  private final String command;

  HandshakeExchange(InetSocketAddress endpoint, Timeouts timeouts) throws IOException {
    this.timeouts = timeouts;
    try (Socket probe = new Socket()) {
      connect(probe, endpoint);
      this.command = OpMsgCodec.isOk(send(probe, "hello")) ? "hello" : "isMaster";
    }
  }

  String command() {
    return command;
  }

  /** Connects {@code socket} with the harness's connect and read timeouts. */
  void connect(Socket socket, InetSocketAddress endpoint) throws IOException {
    socket.connect(endpoint, (int) timeouts.connect().toMillis());
    socket.setSoTimeout((int) timeouts.read().toMillis());
    socket.setTcpNoDelay(true);
  }

  /** The exchange of one request over {@code socket}, connected by {@link #connect}: each reply is read before it returns. */
  WireExchange over(Socket socket) {
    return new WireExchange() {
      @Override
      public CompletionStage<BsonDocument> command(String database, BsonDocument command) {
        try {
          return CompletableFuture.completedFuture(OpMsgCodec.requireOk(command, send(socket, OpMsgCodec.addressed(command, database))));
        } catch (IOException e) {
          return CompletableFuture.failedFuture(e);
        }
      }

      @Override
      public String handshakeCommand() {
        return command;
      }
    };
  }

  /**
   * Runs {@code work} over a blocking exchange, whose stages are complete when it returns; throws the failure itself,
   * as the blocking strategies do.
   */
  static void runBlocking(RequestWork work, WireExchange wire) throws IOException {
    try {
      work.run(wire).toCompletableFuture().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  private BsonDocument send(Socket socket, String name) throws IOException {
    return send(socket, OpMsgCodec.addressed(new BsonDocument(name, new BsonInt32(1)), "admin"));
  }

  private BsonDocument send(Socket socket, BsonDocument body) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(OpMsgCodec.encode(requestIds.incrementAndGet(), body));
    out.flush();
    return OpMsgCodec.readReply(socket.getInputStream());
  }

}
