package lab.portexhaustion.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoDatabase;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A write's list of statements, as mongod 7.0 takes or refuses it: sent inside the command by the real Java driver,
 * and beside it as an OP_MSG document sequence, written by hand on a real socket, as PyMongo sends an empty one.
 */
class WriteBatchesTest {

  private static final int OP_MSG = 2013;
  private static final int CHECKSUM_PRESENT = 1;

  private WatchedDriver driver;
  private MongoDatabase database;

  @BeforeEach
  void connect() {
    driver = WatchedDriver.start();
    database = driver.client.getDatabase("test");
  }

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void aWritesListOfStatementsIsRefusedAsMongodRefusesItAndNothingIsWritten() {
    assertRefused(new Document("insert", "orders"), 40414, "BSON field 'insert.documents' is missing but a required field");
    assertRefused(new Document("update", "orders").append("updates", null), 40414,
        "BSON field 'update.updates' is missing but a required field");
    assertRefused(new Document("delete", "orders").append("deletes", "x"), 14,
        "BSON field 'delete.deletes' is the wrong type 'string', expected type 'array'");
    assertRefused(new Document("insert", "orders").append("documents", List.of(new Document("_id", 1), 2)), 14,
        "BSON field 'insert.documents.1' is the wrong type 'int', expected type 'object'");
    assertRefused(new Document("insert", "orders").append("documents", List.of()), 16,
        "Write batch sizes must be between 1 and 100000. Got 0 operations.");

    assertThat(database.getCollection("orders").countDocuments()).as("documents written by the refused commands").isZero();
  }

  /**
   * An empty document sequence closed the connection: mongo-java-server's decoder read a document from it regardless.
   * Now the write is refused as mongod refuses it, and the same connection takes the next request, a sequence of one.
   */
  @Test
  void anEmptyDocumentSequenceIsAnEmptyWriteAndTheConnectionStays() throws IOException {
    try (Socket socket = new Socket(driver.server.endpoint().getAddress(), driver.server.endpoint().getPort())) {
      socket.setSoTimeout(10_000);
      BsonDocument insert = new BsonDocument("insert", new BsonString("orders")).append("$db", new BsonString("test"));

      socket.getOutputStream().write(message(1, insert, "documents", List.of(), true));
      BsonDocument refused = reply(socket.getInputStream());
      socket.getOutputStream().write(message(2, insert, "documents", List.of(new BsonDocument("_id", new BsonInt32(7))), false));
      BsonDocument inserted = reply(socket.getInputStream());

      assertThat(refused.getNumber("code").intValue()).as("%s", refused).isEqualTo(16);
      assertThat(refused.getString("codeName").getValue()).isEqualTo("InvalidLength");
      assertThat(inserted.getNumber("n").intValue()).as("%s", inserted).isEqualTo(1);
    }
    assertThat(database.getCollection("orders").find().into(new ArrayList<>())).containsExactly(new Document("_id", 7));
  }

  private void assertRefused(Document command, int code, String message) {
    assertThatThrownBy(() -> database.runCommand(command)).as("%s", command)
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(code);
          assertThat(e.getErrorMessage()).isEqualTo(message);
        });
  }

  /** An OP_MSG: the command's body, then a document sequence named {@code name}, and a checksum (any value) if asked. */
  private static byte[] message(int requestId, BsonDocument body, String name, List<BsonDocument> sequence, boolean checksum)
      throws IOException {
    ByteArrayOutputStream sections = new ByteArrayOutputStream();
    sections.write(0);
    sections.write(bson(body));
    ByteArrayOutputStream documents = new ByteArrayOutputStream();
    for (BsonDocument document : sequence) {
      documents.write(bson(document));
    }
    byte[] identifier = (name + "\0").getBytes(StandardCharsets.US_ASCII);
    sections.write(1);
    sections.write(intLE(4 + identifier.length + documents.size()));
    sections.write(identifier);
    sections.write(documents.toByteArray());
    int length = 16 + 4 + sections.size() + (checksum ? 4 : 0);
    ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(length).putInt(requestId).putInt(0).putInt(OP_MSG).putInt(checksum ? CHECKSUM_PRESENT : 0).put(sections.toByteArray());
    if (checksum) {
      out.putInt(0x5eed);
    }
    return out.array();
  }

  /** The body of the next OP_MSG reply. */
  private static BsonDocument reply(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    byte[] header = new byte[4];
    data.readFully(header);
    int length = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt();
    byte[] rest = new byte[length - 4];
    data.readFully(rest);
    ByteBuffer message = ByteBuffer.wrap(rest).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(message.getInt(8)).as("the reply's opCode").isEqualTo(OP_MSG);
    message.position(12 + 4 + 1); // requestID, responseTo, opCode, flagBits, the body's kind
    return new BsonDocumentCodec().decode(new BsonBinaryReader(message.slice().order(ByteOrder.LITTLE_ENDIAN)),
        DecoderContext.builder().build());
  }

  private static byte[] bson(BsonDocument document) {
    BasicOutputBuffer buffer = new BasicOutputBuffer();
    new BsonDocumentCodec().encode(new BsonBinaryWriter(buffer), document, EncoderContext.builder().build());
    return buffer.toByteArray();
  }

  private static byte[] intLE(int value) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
  }
}
