package lab.portexhaustion.strategy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import lab.portexhaustion.config.Timeouts;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

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
      this.command = isOk(send(probe, "hello")) ? "hello" : "isMaster";
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

  /** The exchange of one request over {@code socket}, connected by {@link #connect}. */
  WireExchange over(Socket socket) {
    return new WireExchange() {
      @Override
      public BsonDocument command(String database, BsonDocument command) throws IOException {
        BsonDocument reply = send(socket, command.clone().append("$db", new BsonString(database)));
        if (!isOk(reply)) {
          throw new IOException("server answered " + command.getFirstKey() + " with " + reply.toJson());
        }
        return reply;
      }

      @Override
      public String handshakeCommand() {
        return command;
      }
    };
  }

  private BsonDocument send(Socket socket, String name) throws IOException {
    return send(socket, new BsonDocument(name, new BsonInt32(1)).append("$db", new BsonString("admin")));
  }

  private BsonDocument send(Socket socket, BsonDocument body) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(OpMsgCodec.encode(requestIds.incrementAndGet(), body));
    out.flush();
    return OpMsgCodec.readReply(socket.getInputStream());
  }

  private static boolean isOk(BsonDocument reply) {
    return reply.containsKey("ok") && reply.get("ok").isNumber() && reply.getNumber("ok").doubleValue() == 1.0;
  }
}
