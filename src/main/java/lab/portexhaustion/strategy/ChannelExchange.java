package lab.portexhaustion.strategy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.bson.BsonDocument;

/**
 * One bare connection as a Netty channel: commands over OP_MSG, one at a time, each reply completing its stage on the
 * channel's event loop, where {@link #command} must be called too (from the connect's listener, or from the stage of
 * the reply before). It fails a command as a blocking socket would: no reply within the read timeout is a
 * {@link SocketTimeoutException}, the server closing first an end of stream, the kernel's error as Netty raised it.
 */
final class ChannelExchange extends ChannelInboundHandlerAdapter implements WireExchange {

  private final String handshakeCommand;
  private final Duration readTimeout;
  private final IntSupplier requestIds;
  private Channel channel;
  private BsonDocument sent;
  private CompletableFuture<BsonDocument> reply;
  private ScheduledFuture<?> readTimer;

  ChannelExchange(String handshakeCommand, Duration readTimeout, IntSupplier requestIds) {
    this.handshakeCommand = handshakeCommand;
    this.readTimeout = readTimeout;
    this.requestIds = requestIds;
  }

  /** Cuts the channel's bytes into whole OP_MSG messages (the length is the header's first field, little-endian). */
  static LengthFieldBasedFrameDecoder frames() {
    return new LengthFieldBasedFrameDecoder(ByteOrder.LITTLE_ENDIAN, OpMsgCodec.MAX_REPLY_BYTES, 0, 4, -4, 0, true);
  }

  @Override
  public CompletionStage<BsonDocument> command(String database, BsonDocument command) {
    if (reply != null) {
      return CompletableFuture.failedFuture(new IllegalStateException("one command at a time on a connection"));
    }
    CompletableFuture<BsonDocument> answer = new CompletableFuture<>();
    sent = command;
    reply = answer;
    readTimer = channel.eventLoop().schedule(() -> fail(new SocketTimeoutException("Read timed out")),
        readTimeout.toMillis(), TimeUnit.MILLISECONDS);
    channel.writeAndFlush(Unpooled.wrappedBuffer(OpMsgCodec.encode(requestIds.getAsInt(), OpMsgCodec.addressed(command, database))))
        .addListener(written -> {
          if (!written.isSuccess()) {
            fail(written.cause());
          }
        });
    return answer;
  }

  @Override
  public String handshakeCommand() {
    return handshakeCommand;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext context) {
    channel = context.channel();
  }

  @Override
  public void channelRead(ChannelHandlerContext context, Object message) {
    ByteBuf frame = (ByteBuf) message;
    try {
      CompletableFuture<BsonDocument> answer = settle();
      if (answer == null) {
        return; // nothing asked: a reply after its timeout
      }
      try {
        answer.complete(OpMsgCodec.requireOk(sent, OpMsgCodec.decodeReply(frame.nioBuffer())));
      } catch (IOException | RuntimeException e) {
        answer.completeExceptionally(e);
      }
    } finally {
      frame.release();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) {
    // Every channel ends here, nearly all after their reply: the exception, whose stack trace costs some 2 % of the
    // harness's CPU at churn rates, is made only when a command still waits.
    if (reply != null) {
      fail(OpMsgCodec.closedBeforeReply());
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    fail(cause);
  }

  /** Fails the command waiting for its reply, if one is. */
  private void fail(Throwable cause) {
    CompletableFuture<BsonDocument> answer = settle();
    if (answer != null) {
      answer.completeExceptionally(cause);
    }
  }

  /** The command's stage, taken once: the first of its reply, its timeout or its failure settles it. */
  private CompletableFuture<BsonDocument> settle() {
    CompletableFuture<BsonDocument> answer = reply;
    reply = null;
    if (readTimer != null) {
      readTimer.cancel(false);
      readTimer = null;
    }
    return answer;
  }
}
