package lab.portexhaustion.embedded;

import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's side of descriptor exhaustion: {@code accept} fails with "Too many open files". The connection
 * stays in the listen backlog, so the listener stays ready and the next accept fails the same way at once: without a
 * pause the event loop spins (some 100,000 failed accepts a second, most of a core, measured in docs/server.md). This
 * handler stops accepting for {@link #PAUSE} after each failure, as Netty's own acceptor would if the failure reached it
 * (this handler joins the pipeline before it and keeps the failure), counts the failures, and logs the first as one line
 * instead of a stack trace each time. So each failure counted is one accept the server tried. Sharable: a bind that
 * fails on a taken port leaves it on a closed channel, and the retry adds it to the next one.
 */
@ChannelHandler.Sharable
final class AcceptFailureLog extends ChannelInboundHandlerAdapter {

  /** Netty's acceptor pauses as long: a descriptor freed meanwhile is taken up within this. */
  static final Duration PAUSE = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(AcceptFailureLog.class);

  private final AtomicLong failures = new AtomicLong();
  private volatile AcceptFailure first;

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    pauseAccepting(ctx);
    if (failures.incrementAndGet() == 1) {
      first = new AcceptFailure(System.currentTimeMillis(), cause.toString());
      LOG.warn("embedded server cannot accept connections: {} (it tries again every {} s while this lasts; later failures are"
          + " counted)", cause.toString(), PAUSE.toSeconds());
    }
  }

  /** Accepting stops (no read interest in the listener) until the pause ends; one already paused is left as it is. */
  private static void pauseAccepting(ChannelHandlerContext ctx) {
    ChannelConfig config = ctx.channel().config();
    if (config.isAutoRead()) {
      config.setAutoRead(false);
      ctx.channel().eventLoop().schedule(() -> config.setAutoRead(true), PAUSE.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  long failures() {
    return failures.get();
  }

  /** The first failure, or null while accept has never failed. */
  AcceptFailure first() {
    return first;
  }
}
