package lab.portexhaustion.embedded;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import lab.portexhaustion.mongod.AwaitableHello;
import lab.portexhaustion.mongod.DriverBson;
import lab.portexhaustion.mongod.HelloReply;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonObjectId;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.ObjectId;

/**
 * Answers {@code hello} and {@code isMaster} as mongod 4.4 and later do, in front of
 * mongo-java-server's handlers, which know no topology version and reject an OP_MSG with {@code exhaustAllowed}.
 * Each frame comes whole from the length-field decoder before it; a frame that is not a handshake goes on unchanged.
 *
 * <p>mongod's monitoring protocol, as the driver's streaming monitor expects it: every reply
 * carries {@code topologyVersion}; a {@code hello} that sends back the current topology version
 * with {@code maxAwaitTimeMS} is answered when the topology changes or the time is up (this
 * server's topology never changes: when the time is up); with {@code exhaustAllowed} set on the
 * OP_MSG, the reply is flagged {@code moreToCome} and the server goes on replying once per await
 * period, unasked, each reply answering the previous one, until the connection closes. A request with only one of
 * the two, or a malformed one, gets mongod's error ({@link AwaitableHello}). The reply's other fields are the claimed
 * release's ({@link HelloReply}). One instance per connection.
 */
final class StreamingHelloResponder extends ChannelInboundHandlerAdapter {

  static final int OP_REPLY = 1;
  static final int OP_QUERY = 2004;
  static final int OP_MSG = 2013;
  static final int EXHAUST_ALLOWED = 1 << 16;
  static final int MORE_TO_COME = 1 << 1;
  private static final int HEADER_BYTES = 16;
  // OP_REPLY's AwaitCapable flag, which mongod sets on every reply.
  private static final int AWAIT_CAPABLE = 8;
  /** This server's topology never changes: its counter stays where mongod's starts. */
  private static final long TOPOLOGY_COUNTER = 0;

  private final ConnectionStatistics statistics;
  private final ObjectId processId;
  private final AtomicInteger replyIds;
  private ScheduledFuture<?> stream;
  private Runnable stopWaiting;

  /**
   * @param statistics told which connections wait in an awaitable hello
   * @param processId this server's {@code topologyVersion.processId}, one per server start
   * @param replyIds the server's reply ids: any value will do for the driver, but a reply must name the one before it
   */
  StreamingHelloResponder(ConnectionStatistics statistics, ObjectId processId, AtomicInteger replyIds) {
    this.statistics = statistics;
    this.processId = processId;
    this.replyIds = replyIds;
  }

  /** What one frame asks, if it is a handshake command. */
  private record Hello(int opCode, int requestId, int flagBits, String command, BsonDocument body) {}

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    if (!(message instanceof ByteBuf frame)) {
      ctx.fireChannelRead(message);
      return;
    }
    Hello hello;
    try {
      hello = parse(frame);
    } catch (RuntimeException notOurs) {
      hello = null; // malformed or unexpected: mongo-java-server's decoder says what is wrong with it
    }
    if (hello == null) {
      ctx.fireChannelRead(frame);
      return;
    }
    frame.release();
    stopStreaming(); // a client that speaks again is no longer reading a stream
    answer(ctx, hello);
  }

  private void answer(ChannelHandlerContext ctx, Hello hello) {
    boolean waits;
    AwaitableHello await;
    try {
      await = AwaitableHello.of(hello.body());
      waits = await != null && await.waitsOn(processId, TOPOLOGY_COUNTER);
    } catch (AwaitableHello.Refused refused) {
      ctx.writeAndFlush(encode(hello, replyIds.incrementAndGet(), hello.requestId(), refused.reply(), false));
      return;
    }
    if (!waits) {
      ctx.writeAndFlush(encode(hello, replyIds.incrementAndGet(), hello.requestId(), body(ctx, hello), false));
      return;
    }
    long awaitMillis = await.maxAwaitMillis();
    boolean exhaust = hello.opCode() == OP_MSG && (hello.flagBits() & EXHAUST_ALLOWED) != 0;
    Runnable counted = statistics.awaitTopologyChange(exhaust, !hello.command().equals("hello"));
    IdleConnectionCloser.owesAReply(ctx.channel(), true);
    stopWaiting = () -> {
      counted.run();
      IdleConnectionCloser.owesAReply(ctx.channel(), false);
    };
    int[] answering = {hello.requestId()};
    Runnable next = () -> {
      if (!ctx.channel().isActive()) {
        stopStreaming();
        return;
      }
      int id = replyIds.incrementAndGet();
      ctx.writeAndFlush(encode(hello, id, answering[0], body(ctx, hello), exhaust));
      answering[0] = id;
      if (!exhaust) {
        stopStreaming();
      }
    };
    stream = exhaust
        ? ctx.executor().scheduleAtFixedRate(next, awaitMillis, Math.max(1, awaitMillis), TimeUnit.MILLISECONDS)
        : ctx.executor().schedule(next, awaitMillis, TimeUnit.MILLISECONDS);
  }

  /** The claimed release's handshake reply with this server's topology version. */
  private BsonDocument body(ChannelHandlerContext ctx, Hello hello) {
    BsonDocument body = DriverBson.of(HelloReply.of(hello.command(), hello.body().containsKey("helloOk"),
        statistics.connectionId(ctx.channel())));
    body.put("topologyVersion", new BsonDocument("processId", new BsonObjectId(processId))
        .append("counter", new BsonInt64(TOPOLOGY_COUNTER)));
    return body;
  }

  private static byte[] bytesOf(BsonDocument document) {
    BasicOutputBuffer out = new BasicOutputBuffer();
    try (BsonBinaryWriter writer = new BsonBinaryWriter(out)) {
      new BsonDocumentCodec().encode(writer, document, EncoderContext.builder().build());
    }
    return out.toByteArray();
  }

  /** The reply in the request's own protocol: OP_MSG for OP_MSG, OP_REPLY for a legacy OP_QUERY. */
  private static ByteBuf encode(Hello hello, int requestId, int responseTo, BsonDocument body, boolean moreToCome) {
    byte[] document = bytesOf(body);
    boolean msg = hello.opCode() == OP_MSG;
    int length = HEADER_BYTES + (msg ? 4 + 1 : 4 + 8 + 4 + 4) + document.length;
    ByteBuf out = Unpooled.buffer(length);
    out.writeIntLE(length).writeIntLE(requestId).writeIntLE(responseTo).writeIntLE(msg ? OP_MSG : OP_REPLY);
    if (msg) {
      out.writeIntLE(moreToCome ? MORE_TO_COME : 0).writeByte(0);
    } else {
      out.writeIntLE(AWAIT_CAPABLE).writeLongLE(0).writeIntLE(0).writeIntLE(1);
    }
    return out.writeBytes(document);
  }

  /** The handshake a frame carries, or null for any other message. Reads without moving the frame's indexes. */
  static Hello parse(ByteBuf frame) {
    ByteBuffer in = frame.nioBuffer().order(ByteOrder.LITTLE_ENDIAN);
    in.getInt(); // length
    int requestId = in.getInt();
    in.getInt(); // responseTo
    int opCode = in.getInt();
    int flagBits;
    if (opCode == OP_MSG) {
      flagBits = in.getInt();
      if (in.get() != 0) {
        return null; // a document sequence first: not a handshake
      }
    } else if (opCode == OP_QUERY) {
      flagBits = in.getInt();
      StringBuilder collection = new StringBuilder();
      for (byte b = in.get(); b != 0; b = in.get()) {
        collection.append((char) b);
      }
      if (!collection.toString().endsWith(".$cmd")) {
        return null;
      }
      in.getInt(); // numberToSkip
      in.getInt(); // numberToReturn
    } else {
      return null;
    }
    BsonDocument body = new BsonDocumentCodec().decode(new BsonBinaryReader(in.slice().order(ByteOrder.LITTLE_ENDIAN)),
        DecoderContext.builder().build());
    if (opCode == OP_QUERY && body.containsKey("$query") && body.get("$query").isDocument()) {
      body = body.getDocument("$query");
    }
    if (body.isEmpty()) {
      return null;
    }
    String command = body.getFirstKey().toLowerCase(Locale.ROOT);
    if (!command.equals("hello") && !command.equals("ismaster")) {
      return null;
    }
    return new Hello(opCode, requestId, flagBits, command, body);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    stopStreaming();
    super.channelInactive(ctx);
  }

  private void stopStreaming() {
    if (stream != null) {
      stream.cancel(false);
      stream = null;
    }
    if (stopWaiting != null) {
      stopWaiting.run();
      stopWaiting = null;
    }
  }
}
