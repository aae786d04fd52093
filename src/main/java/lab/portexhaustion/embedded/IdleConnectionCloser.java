package lab.portexhaustion.embedded;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AttributeKey;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closes a connection when the {@code IdleStateHandler} before it reports nothing read or written for the idle timeout,
 * and the server owes it no reply. A server's idle timeout (the incident's keep-alive timeout) closes connections that
 * wait for their client's next request; a driver's monitor waiting in an awaitable {@code hello} waits for the server,
 * which answers it every {@code maxAwaitTimeMS} (10 s): closed under a shorter timeout, the monitor read the end of
 * the stream, which the harness counted as a server refusing connections, an onset no limit explained.
 */
@ChannelHandler.Sharable
final class IdleConnectionCloser extends ChannelInboundHandlerAdapter {

  private static final AttributeKey<Boolean> OWES_A_REPLY = AttributeKey.valueOf("embedded-mongo-owes-a-reply");

  private final AtomicLong closed = new AtomicLong();

  /** Whether the server holds a request of {@code channel} it is yet to answer (an awaitable {@code hello}). */
  static void owesAReply(Channel channel, boolean owes) {
    channel.attr(OWES_A_REPLY).set(owes);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent idle && idle.state() == IdleState.ALL_IDLE) {
      if (!Boolean.TRUE.equals(ctx.channel().attr(OWES_A_REPLY).get())) {
        closed.incrementAndGet();
        ctx.close();
      }
      return;
    }
    super.userEventTriggered(ctx, event);
  }

  long closed() {
    return closed.get();
  }
}
