package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.bson.BsonBinaryReader;
import org.bson.BsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;

/**
 * A mongo-java-server document as the driver's BSON library reads it, through its wire bytes: the handshake checks
 * ({@link AwaitableHello}) are written once, against the driver's types, whichever side of the server holds the request.
 */
public final class DriverBson {

  private DriverBson() {}

  public static BsonDocument of(Document document) {
    ByteBuf encoded = Unpooled.buffer();
    try {
      BsonEncoder.encodeDocument(document, encoded);
      return new BsonDocumentCodec().decode(new BsonBinaryReader(ByteBuffer.wrap(ByteBufUtil.getBytes(encoded))),
          DecoderContext.builder().build());
    } finally {
      encoded.release();
    }
  }
}
