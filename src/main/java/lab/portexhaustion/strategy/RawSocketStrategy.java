package lab.portexhaustion.strategy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import lab.portexhaustion.config.Timeouts;
import lab.portexhaustion.target.MongoTarget;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

/**
 * TCP connect, one handshake command over OP_MSG, read the reply, close: the kernel's
 * behaviour with no driver in between. The client closes first, so TIME_WAIT lands on the
 * client's ephemeral port, as with a real driver.
 */
public final class RawSocketStrategy implements ConnectionStrategy {

  private final InetSocketAddress endpoint;
  private final Timeouts timeouts;
  private final String handshake;
  private final AtomicInteger requestIds = new AtomicInteger();

  RawSocketStrategy(MongoTarget target, Timeouts timeouts) throws IOException {
    this.endpoint = target.endpoint();
    this.timeouts = timeouts;
    this.handshake = chooseHandshake();
  }

  /**
   * {@code hello} where the server knows it (MongoDB 4.4.2+); older servers and mongo-java-server
   * only know the legacy {@code isMaster}. Decided once, before the load, as the driver does.
   */
  private String chooseHandshake() throws IOException {
    return isOk(roundTrip("hello")) ? "hello" : "isMaster";
  }

  @Override
  public void execute() throws IOException {
    BsonDocument reply = roundTrip(handshake);
    if (!isOk(reply)) {
      throw new IOException("server answered " + handshake + " with " + reply.toJson());
    }
  }

  private BsonDocument roundTrip(String command) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(endpoint, (int) timeouts.connect().toMillis());
      socket.setSoTimeout((int) timeouts.read().toMillis());
      socket.setTcpNoDelay(true);
      BsonDocument body = new BsonDocument(command, new BsonInt32(1)).append("$db", new BsonString("admin"));
      OutputStream out = socket.getOutputStream();
      out.write(OpMsgCodec.encode(requestIds.incrementAndGet(), body));
      out.flush();
      return OpMsgCodec.readReply(socket.getInputStream());
    }
  }

  private static boolean isOk(BsonDocument reply) {
    return reply.containsKey("ok") && reply.get("ok").isNumber() && reply.getNumber("ok").doubleValue() == 1.0;
  }

  @Override
  public String describe() {
    return "raw-socket: TCP connect, one '" + handshake + "' over OP_MSG, close";
  }

  @Override
  public void close() {
    // No connection outlives its request.
  }
}
