package lab.portexhaustion.embedded;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's side of descriptor exhaustion: {@code accept} fails with "Too many open
 * files". Netty's acceptor already pauses accepting for a second and passes the error on; this
 * handler, last in the listener's pipeline, logs the first one as one line instead of a stack
 * trace every second. Sharable: a bind that fails on a taken port leaves it on a closed channel,
 * and the retry adds it to the next one.
 */
@ChannelHandler.Sharable
final class AcceptFailureLog extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(AcceptFailureLog.class);

  private final AtomicLong failures = new AtomicLong();
  private volatile AcceptFailure first;

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (failures.incrementAndGet() == 1) {
      first = new AcceptFailure(System.currentTimeMillis(), cause.toString());
      LOG.warn("embedded server cannot accept connections: {} (accepting pauses 1 s after each failure; later ones are counted)",
          cause.toString());
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
