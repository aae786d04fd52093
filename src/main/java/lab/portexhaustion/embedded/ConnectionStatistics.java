package lab.portexhaustion.embedded;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import lab.portexhaustion.mongod.ListenerCounts;

/**
 * mongod's {@code serverStatus.connections}, counted as mongod counts them. One instance for the whole listener, in each
 * connection's pipeline after the connection limit (a refused connection never gets here, so it is not "created") and
 * just before mongo-java-server's command handler, which answers each command on the event loop before it returns, so
 * a command is in progress exactly while it passes through here. The streaming {@code hello} responder tells it which
 * connections wait in an awaitable {@code hello}: mongod counts those as active too.
 */
@ChannelHandler.Sharable
final class ConnectionStatistics extends ChannelInboundHandlerAdapter implements ListenerCounts {

  private static final AttributeKey<Long> CONNECTION_ID = AttributeKey.valueOf("embedded-mongo-connection-id");

  private final IntSupplier current;
  private final LongSupplier rejected;
  private final int limit;
  private final AtomicLong created = new AtomicLong();
  private final AtomicInteger inCommand = new AtomicInteger();
  private final AtomicInteger awaiting = new AtomicInteger();
  private final AtomicInteger exhaustHello = new AtomicInteger();
  private final AtomicInteger exhaustIsMaster = new AtomicInteger();

  /**
   * @param current the connections open now
   * @param rejected the connections the limit closed on arrival so far
   * @param limit the connection limit, 0 for none: then no {@code available} is reported (the probe reads the pair
   *     {@code current} + {@code available} as the server's limit)
   */
  ConnectionStatistics(IntSupplier current, LongSupplier rejected, int limit) {
    this.current = current;
    this.rejected = rejected;
    this.limit = limit;
  }

  /** Numbers each connection the server takes, as mongod does: its {@code connectionId} in {@code hello}. */
  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    ctx.channel().attr(CONNECTION_ID).set(created.incrementAndGet());
    super.channelActive(ctx);
  }

  /** The connection's number, 0 before it was counted. */
  @Override
  public long connectionId(Channel channel) {
    Long id = channel.attr(CONNECTION_ID).get();
    return id == null ? 0 : id;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    inCommand.incrementAndGet();
    try {
      ctx.fireChannelRead(message);
    } finally {
      inCommand.decrementAndGet();
    }
  }

  /**
   * A connection begins to wait in an awaitable {@code hello} (or {@code isMaster}); {@code exhaust}: its request allowed
   * replies to stream. Returns what to run once when it no longer waits.
   */
  Runnable awaitTopologyChange(boolean exhaust, boolean legacyName) {
    AtomicInteger exhaustCount = !exhaust ? null : legacyName ? exhaustIsMaster : exhaustHello;
    awaiting.incrementAndGet();
    if (exhaustCount != null) {
      exhaustCount.incrementAndGet();
    }
    return () -> {
      awaiting.decrementAndGet();
      if (exhaustCount != null) {
        exhaustCount.decrementAndGet();
      }
    };
  }

  /** The {@code connections} document, in mongod's field order. */
  @Override
  public Document document() {
    int open = current.getAsInt();
    Document connections = new Document("current", open);
    if (limit > 0) {
      connections.put("available", Math.max(0, limit - open));
    }
    connections.put("totalCreated", created.get());
    connections.put("rejected", rejected.getAsLong());
    connections.put("active", inCommand.get() + awaiting.get());
    connections.put("exhaustIsMaster", (long) exhaustIsMaster.get());
    connections.put("exhaustHello", (long) exhaustHello.get());
    connections.put("awaitingTopologyChanges", (long) awaiting.get());
    return connections;
  }
}
