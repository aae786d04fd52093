package lab.portexhaustion.embedded;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The embedded server's {@code net.maxIncomingConnections}: a connection that arrives while the
 * limit is reached is closed at once, before anything is read, as mongod does. The client sees
 * the end of the stream where it expected a reply. One instance counts for the whole listener.
 */
@ChannelHandler.Sharable
final class ConnectionLimitHandler extends ChannelInboundHandlerAdapter {

  /** Marks a channel this handler closed, so that it is not counted out twice. */
  private static final AttributeKey<Boolean> REFUSED = AttributeKey.valueOf("embedded-mongo-refused");

  private final int limit;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicReference<RefusedConnection> first = new AtomicReference<>();

  ConnectionLimitHandler(int limit) {
    this.limit = limit;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    if (open.incrementAndGet() > limit) {
      open.decrementAndGet();
      refused.incrementAndGet();
      first.compareAndSet(null, new RefusedConnection(System.currentTimeMillis(), String.valueOf(ctx.channel().remoteAddress())));
      ctx.channel().attr(REFUSED).set(Boolean.TRUE);
      ctx.close();
      return;
    }
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (ctx.channel().attr(REFUSED).get() == null) {
      open.decrementAndGet();
    }
    super.channelInactive(ctx);
  }

  long refused() {
    return refused.get();
  }

  /** The first connection refused, or null: in a fleet, its address names the client the server refused first. */
  RefusedConnection first() {
    return first.get();
  }
}
