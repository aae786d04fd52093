package lab.portexhaustion.embedded;

import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.HashSet;
import java.util.Set;

/**
 * OP_MSG requests flagged {@code moreToCome}: the client wants no reply and does not read one (the Node.js driver's
 * {@code endSessions} as it closes, any driver's unacknowledged writes). mongod runs them and stays silent;
 * mongo-java-server refuses the flag and closes the connection. This handler clears the flag on the way in and drops
 * the reply on the way out, so that the next reply the client reads answers its next request. Each frame comes whole
 * from the length-field decoder before it; replies pass it as mongo-java-server's messages, before they are encoded.
 * One instance per connection, on its event loop.
 */
final class MoreToComeRequests extends ChannelDuplexHandler {

  // Header: length, requestID, responseTo, opCode; then OP_MSG's flag bits.
  private static final int REQUEST_ID_AT = 4;
  private static final int OP_CODE_AT = 12;
  private static final int FLAG_BITS_AT = 16;

  private final Set<Integer> unanswered = new HashSet<>();

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
    if (message instanceof ByteBuf frame && frame.readableBytes() > FLAG_BITS_AT + 4) {
      int start = frame.readerIndex();
      int flagBits = frame.getIntLE(start + FLAG_BITS_AT);
      if (frame.getIntLE(start + OP_CODE_AT) == StreamingHelloResponder.OP_MSG && (flagBits & StreamingHelloResponder.MORE_TO_COME) != 0) {
        frame.setIntLE(start + FLAG_BITS_AT, flagBits & ~StreamingHelloResponder.MORE_TO_COME);
        unanswered.add(frame.getIntLE(start + REQUEST_ID_AT));
      }
    }
    super.channelRead(ctx, message);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) throws Exception {
    if (message instanceof MongoMessage reply && unanswered.remove(reply.getHeader().getResponseTo())) {
      promise.setSuccess();
      return;
    }
    super.write(ctx, message, promise);
  }
}
