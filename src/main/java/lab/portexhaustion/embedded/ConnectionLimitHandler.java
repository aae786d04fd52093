package lab.portexhaustion.embedded;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's connection cap ({@link ConnectionCap}): a connection that arrives while the
 * cap is reached is closed at once, before anything is read, as mongod does, and logged with the
 * words of the mongod release the server claims. The client sees the end of the stream where it
 * expected a reply. One instance counts for the whole listener.
 */
@ChannelHandler.Sharable
final class ConnectionLimitHandler extends ChannelInboundHandlerAdapter {

  /** Marks a channel this handler closed, so that it is not counted out twice. */
  private static final AttributeKey<Boolean> REFUSED = AttributeKey.valueOf("embedded-mongo-refused");

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimitHandler.class);
  /** mongod logs every refusal; here one line a second at most, with the refusals since the last, so a flood stays readable. */
  private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final int limit;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicReference<RefusedConnection> first = new AtomicReference<>();
  private final AtomicLong refusedSinceLogged = new AtomicLong();
  private final AtomicLong loggedAt = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

  /** {@code limit}: the most connections open at once, more than 0. */
  ConnectionLimitHandler(int limit) {
    this.limit = limit;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    if (open.incrementAndGet() > limit) {
      int connectionCount = open.decrementAndGet();
      refused.incrementAndGet();
      SocketAddress remote = ctx.channel().remoteAddress();
      first.compareAndSet(null, new RefusedConnection(System.currentTimeMillis(), String.valueOf(remote)));
      ctx.channel().attr(REFUSED).set(Boolean.TRUE);
      log(remote, connectionCount);
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

  /**
   * mongod 7.0's line for a refusal (its structured log's id 22942, with the attributes {@code remote} and
   * {@code connectionCount}) in this server's plain-text log: {@code Connection refused because there are too many open
   * connections (remote: 10.0.0.2:51234, connectionCount: 409)}, and, when the line stands for more than one refusal, how
   * many since the last.
   */
  private void log(SocketAddress remote, int connectionCount) {
    long unlogged = refusedSinceLogged.incrementAndGet();
    long last = loggedAt.get();
    long now = System.nanoTime();
    if (now - last >= LOG_EVERY_NANOS && loggedAt.compareAndSet(last, now)) {
      refusedSinceLogged.addAndGet(-unlogged);
      LOG.info("Connection refused because there are too many open connections (remote: {}, connectionCount: {}){}",
          hostAndPort(remote), connectionCount, unlogged > 1 ? "; " + unlogged + " refused since the last such line" : "");
    }
  }

  /** "10.0.0.2:51234", as mongod writes a remote address (Java's own form starts with a slash). */
  private static String hostAndPort(SocketAddress remote) {
    return remote instanceof InetSocketAddress inet ? inet.getHostString() + ":" + inet.getPort() : String.valueOf(remote);
  }

  long refused() {
    return refused.get();
  }

  /** The first connection refused, or null: in a fleet, its address names the client the server refused first. */
  RefusedConnection first() {
    return first.get();
  }
}
