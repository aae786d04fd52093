package lab.portexhaustion.target;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

/**
 * A replica set of two members on real loopback sockets, 127.0.0.2 the primary and 127.0.0.3 the secondary, each
 * naming both in its hello answer, as a replica set's members do: enough for the driver to find the second member from
 * a connection string that lists the first alone, and for the probe's buildInfo. The driver's handshake comes as a
 * legacy OP_QUERY, its commands after it as OP_MSG. Each connection is answered on a
 * thread of its own (the driver's monitor holds one open beside its commands); serverStatus is refused, as to a user
 * without the clusterMonitor role.
 */
final class TwoMemberReplicaSet implements AutoCloseable {

  static final String NAME = "rs0";
  private static final int OP_REPLY = 1;
  private static final int OP_QUERY = 2004;
  private static final int OP_MSG = 2013;
  private static final int HEADER_BYTES = 16;
  // Offsets in a request without its 4 length bytes. OP_MSG: the rest of the header, flag bits (4), the body section's
  // kind (1), then the command. OP_QUERY: the rest of the header, flags (4), then the collection's name.
  private static final int MSG_BODY_AT = HEADER_BYTES - 4 + 4 + 1;
  private static final int QUERY_COLLECTION_AT = HEADER_BYTES - 4 + 4;

  private final ServerSocket primary = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.2"));
  private final ServerSocket secondary = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.3"));

  TwoMemberReplicaSet() throws IOException {
    listen(primary, true);
    listen(secondary, false);
  }

  String primaryHost() {
    return host(primary);
  }

  String secondaryHost() {
    return host(secondary);
  }

  private static String host(ServerSocket member) {
    return member.getInetAddress().getHostAddress() + ":" + member.getLocalPort();
  }

  private void listen(ServerSocket member, boolean isPrimary) {
    Thread accepting = new Thread(() -> {
      while (!member.isClosed()) {
        try {
          Socket client = member.accept();
          Thread answering = new Thread(() -> answer(client, isPrimary), "replica-set-member-connection");
          answering.setDaemon(true);
          answering.start();
        } catch (IOException closed) {
          return;
        }
      }
    }, "replica-set-member");
    accepting.setDaemon(true);
    accepting.start();
  }

  private void answer(Socket client, boolean isPrimary) {
    try (client) {
      DataInputStream in = new DataInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      while (true) {
        byte[] length = new byte[4];
        in.readFully(length);
        byte[] message = new byte[ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getInt() - 4];
        in.readFully(message);
        ByteBuffer request = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
        int requestId = request.getInt(0);
        boolean legacy = request.getInt(8) == OP_QUERY;
        out.write(reply(requestId, answerTo(command(request, legacy), isPrimary), legacy));
        out.flush();
      }
    } catch (IOException closedOrGone) {
      // the client or the test closed it
    }
  }

  /** The command's name: OP_MSG's body section, or the query of the legacy OP_QUERY the driver's handshake is sent in. */
  private static String command(ByteBuffer request, boolean legacy) {
    int at = MSG_BODY_AT;
    if (legacy) {
      at = QUERY_COLLECTION_AT;
      while (request.get(at) != 0) {
        at++; // the collection's name, "admin.$cmd", ends with a zero byte
      }
      at += 1 + 8; // numberToSkip, numberToReturn
    }
    ByteBuffer document = request.slice(at, request.limit() - at).order(ByteOrder.LITTLE_ENDIAN);
    return new BsonDocumentCodec().decode(new BsonBinaryReader(document), DecoderContext.builder().build()).getFirstKey();
  }

  private BsonDocument answerTo(String command, boolean isPrimary) {
    return switch (command) {
      case "hello", "isMaster", "ismaster" -> new BsonDocument("helloOk", BsonBoolean.TRUE)
          .append("isWritablePrimary", BsonBoolean.valueOf(isPrimary)).append("secondary", BsonBoolean.valueOf(!isPrimary))
          .append("setName", new BsonString(NAME))
          .append("hosts", new BsonArray(List.of(new BsonString(primaryHost()), new BsonString(secondaryHost()))))
          .append("primary", new BsonString(primaryHost()))
          .append("me", new BsonString(isPrimary ? primaryHost() : secondaryHost()))
          .append("maxWireVersion", new BsonInt32(21)).append("minWireVersion", new BsonInt32(0)).append("ok", new BsonDouble(1));
      case "buildInfo", "buildinfo" -> new BsonDocument("version", new BsonString("7.0.0")).append("ok", new BsonDouble(1));
      default -> new BsonDocument("ok", new BsonDouble(0)).append("errmsg", new BsonString("not authorized to run " + command))
          .append("code", new BsonInt32(13)).append("codeName", new BsonString("Unauthorized"));
    };
  }

  /** An OP_MSG of one body section; to an OP_QUERY, an OP_REPLY of one document. */
  private static byte[] reply(int responseTo, BsonDocument answer, boolean legacy) {
    BasicOutputBuffer document = new BasicOutputBuffer();
    try (BsonBinaryWriter writer = new BsonBinaryWriter(document)) {
      new BsonDocumentCodec().encode(writer, answer, EncoderContext.builder().build());
    }
    byte[] bytes = document.toByteArray();
    int fields = legacy ? 4 + 8 + 4 + 4 : 4 + 1; // flags, cursor id, starting from, number returned; or flags, section kind
    ByteBuffer message = ByteBuffer.allocate(HEADER_BYTES + fields + bytes.length).order(ByteOrder.LITTLE_ENDIAN);
    message.putInt(message.capacity()).putInt(0).putInt(responseTo).putInt(legacy ? OP_REPLY : OP_MSG);
    if (legacy) {
      message.putInt(0).putLong(0).putInt(0).putInt(1);
    } else {
      message.putInt(0).put((byte) 0);
    }
    return message.put(bytes).array();
  }

  @Override
  public void close() throws IOException {
    primary.close();
    secondary.close();
  }
}
