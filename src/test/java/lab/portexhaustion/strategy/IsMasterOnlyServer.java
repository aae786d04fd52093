package lab.portexhaustion.strategy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonBinaryReader;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;

/**
 * A server on a real loopback socket that knows the legacy {@code isMaster} and not {@code hello}, as mongod before
 * 4.4.2: each OP_MSG command is answered at once, {@code hello} with mongod's "no such command" error. It keeps the
 * names of the commands it was sent.
 */
final class IsMasterOnlyServer implements AutoCloseable {

  // Header (16 bytes), flag bits (4), the body section's kind (1): then the command document.
  private static final int BODY_AT = 21;

  private final ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
  private final List<String> commands = new CopyOnWriteArrayList<>();

  private IsMasterOnlyServer() throws IOException {
    Thread accepting = new Thread(this::accept, "is-master-only-server");
    accepting.setDaemon(true);
    accepting.start();
  }

  static IsMasterOnlyServer start() throws IOException {
    return new IsMasterOnlyServer();
  }

  int port() {
    return listener.getLocalPort();
  }

  List<String> commands() {
    return List.copyOf(commands);
  }

  private void accept() {
    while (!listener.isClosed()) {
      try (Socket client = listener.accept()) {
        answer(client);
      } catch (IOException closedOrGone) {
        // the listener closed, or the client went away: take the next
      }
    }
  }

  private void answer(Socket client) throws IOException {
    DataInputStream in = new DataInputStream(client.getInputStream());
    OutputStream out = client.getOutputStream();
    while (true) {
      byte[] length = new byte[4];
      if (in.read(length, 0, 1) < 0) {
        return; // the client closed
      }
      in.readFully(length, 1, 3);
      byte[] message = new byte[ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getInt() - 4];
      in.readFully(message);
      ByteBuffer body = ByteBuffer.wrap(message, BODY_AT - 4, message.length - (BODY_AT - 4)).slice().order(ByteOrder.LITTLE_ENDIAN);
      String command = new BsonDocumentCodec().decode(new BsonBinaryReader(body), DecoderContext.builder().build()).getFirstKey();
      commands.add(command);
      BsonDocument reply = command.equals("hello")
          ? new BsonDocument("ok", new BsonDouble(0)).append("errmsg", new BsonString("no such command: 'hello'"))
              .append("code", new BsonInt32(59)).append("codeName", new BsonString("CommandNotFound"))
          : new BsonDocument("ismaster", BsonBoolean.TRUE).append("maxWireVersion", new BsonInt32(8))
              .append("minWireVersion", new BsonInt32(0)).append("ok", new BsonDouble(1));
      out.write(OpMsgCodec.encode(commands.size(), reply));
      out.flush();
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
