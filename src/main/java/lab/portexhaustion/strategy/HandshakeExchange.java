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
 * One handshake command over OP_MSG on a socket the caller opened, for the strategies that talk
 * to the server without a driver. The command is {@code hello} where the server knows it (MongoDB
 * 4.4.2+); older servers and mongo-java-server only know the legacy {@code isMaster}. It is
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

  /** Sends the handshake on a connected socket and reads the reply; a reply without {@code ok: 1} is an error. */
  void exchange(Socket socket) throws IOException {
    BsonDocument reply = send(socket, command);
    if (!isOk(reply)) {
      throw new IOException("server answered " + command + " with " + reply.toJson());
    }
  }

  private BsonDocument send(Socket socket, String name) throws IOException {
    BsonDocument body = new BsonDocument(name, new BsonInt32(1)).append("$db", new BsonString("admin"));
    OutputStream out = socket.getOutputStream();
    out.write(OpMsgCodec.encode(requestIds.incrementAndGet(), body));
    out.flush();
    return OpMsgCodec.readReply(socket.getInputStream());
  }

  private static boolean isOk(BsonDocument reply) {
    return reply.containsKey("ok") && reply.get("ok").isNumber() && reply.getNumber("ok").doubleValue() == 1.0;
  }
}
