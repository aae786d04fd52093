package lab.portexhaustion.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoReply;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Takes the legacy {@code $err} field out of error replies, which mongod 7.0 does not send: mongo-java-server puts it
 * beside {@code errmsg} in every one. No driver here needs it: the Java driver 5, the Node.js drivers 6 and 7 and
 * PyMongo 3.11 read a command's error from {@code errmsg} and {@code code}; PyMongo reads {@code $err} only from a reply
 * without {@code ok} or one flagged as a failed legacy query, which this server never sends. Replies pass here as
 * mongo-java-server's messages, before they are encoded.
 */
@ChannelHandler.Sharable
final class LegacyErrorField extends ChannelOutboundHandlerAdapter {

  static final String FIELD = "$err";

  @Override
  public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) throws Exception {
    if (message instanceof MongoMessage reply) {
      strip(reply.getDocument());
    } else if (message instanceof MongoReply reply) {
      reply.getDocuments().forEach(LegacyErrorField::strip);
    }
    super.write(ctx, message, promise);
  }

  /** Only from an error reply (ok: 0): a reply's own documents are nested under it, never beside {@code ok}. */
  private static void strip(Document reply) {
    if (reply != null && reply.get("ok") instanceof Number ok && ok.doubleValue() == 0) {
      reply.remove(FIELD);
    }
  }
}
