package lab.portexhaustion.strategy;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

/**
 * Just enough of the MongoDB wire protocol for one command: an OP_MSG with a single body
 * section, and its reply. Written by hand because the driver keeps its wire layer internal; the
 * BSON itself is the driver's own codec.
 */
final class OpMsgCodec {

  static final int OP_MSG = 2013;
  private static final int HEADER_BYTES = 16;
  static final int MAX_REPLY_BYTES = 48 * 1024 * 1024;
  private static final byte BODY_SECTION = 0;

  private OpMsgCodec() {}

  static byte[] encode(int requestId, BsonDocument command) {
    BasicOutputBuffer body = new BasicOutputBuffer();
    try (BsonBinaryWriter writer = new BsonBinaryWriter(body)) {
      new BsonDocumentCodec().encode(writer, command, EncoderContext.builder().build());
    }
    byte[] document = body.toByteArray();
    ByteBuffer message = ByteBuffer.allocate(HEADER_BYTES + 4 + 1 + document.length).order(ByteOrder.LITTLE_ENDIAN);
    message.putInt(message.capacity()).putInt(requestId).putInt(0).putInt(OP_MSG);
    message.putInt(0); // flag bits: none
    message.put(BODY_SECTION).put(document);
    return message.array();
  }

  /** {@code command} for {@code database}: OP_MSG names the database in the body. */
  static BsonDocument addressed(BsonDocument command, String database) {
    return command.clone().append("$db", new BsonString(database));
  }

  static boolean isOk(BsonDocument reply) {
    return reply.containsKey("ok") && reply.get("ok").isNumber() && reply.getNumber("ok").doubleValue() == 1.0;
  }

  /** {@code reply} if it says ok: 1; else the IOException that names the command and the reply. */
  static BsonDocument requireOk(BsonDocument command, BsonDocument reply) throws IOException {
    if (!isOk(reply)) {
      throw new IOException("server answered " + command.getFirstKey() + " with " + reply.toJson());
    }
    return reply;
  }

  /** Reads one OP_MSG reply and returns its body document. */
  static BsonDocument readReply(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    byte[] header = new byte[HEADER_BYTES];
    readFully(data, header);
    int length = checkedLength(ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN));
    byte[] rest = new byte[length - HEADER_BYTES];
    readFully(data, rest);
    return body(ByteBuffer.wrap(rest).order(ByteOrder.LITTLE_ENDIAN));
  }

  /** The body of one whole OP_MSG reply, header included, as a channel's frame decoder cuts it. */
  static BsonDocument decodeReply(ByteBuffer message) throws IOException {
    ByteBuffer reply = message.order(ByteOrder.LITTLE_ENDIAN);
    checkedLength(reply);
    return body(reply.slice().order(ByteOrder.LITTLE_ENDIAN));
  }

  /** Reads the header at {@code head}'s position and returns the message's length, if this is an OP_MSG of a sane size. */
  private static int checkedLength(ByteBuffer head) throws IOException {
    int length = head.getInt();
    head.getInt(); // requestID of the reply
    head.getInt(); // responseTo
    int opCode = head.getInt();
    if (opCode != OP_MSG || length < HEADER_BYTES + 5 || length > MAX_REPLY_BYTES) {
      throw new IOException("unexpected reply: opCode " + opCode + ", length " + length);
    }
    return length;
  }

  private static BsonDocument body(ByteBuffer payload) throws IOException {
    payload.getInt(); // flag bits
    if (payload.get() != BODY_SECTION) {
      throw new IOException("reply does not start with a body section");
    }
    try (BsonBinaryReader reader = new BsonBinaryReader(payload.slice())) {
      return new BsonDocumentCodec().decode(reader, DecoderContext.builder().build());
    }
  }

  private static void readFully(DataInputStream in, byte[] buffer) throws IOException {
    try {
      in.readFully(buffer);
    } catch (EOFException e) {
      throw closedBeforeReply();
    }
  }

  /** The failure of a connection the server closed before its reply was whole, as the classifier knows it. */
  static EOFException closedBeforeReply() {
    return new EOFException("server closed the connection before the reply was complete");
  }
}
