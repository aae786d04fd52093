package lab.portexhaustion.embedded;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.concurrent.atomic.AtomicLong;

/** Closes a connection when the {@code IdleStateHandler} before it reports nothing read or written for the idle timeout. */
@ChannelHandler.Sharable
final class IdleConnectionCloser extends ChannelInboundHandlerAdapter {

  private final AtomicLong closed = new AtomicLong();

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent idle && idle.state() == IdleState.ALL_IDLE) {
      closed.incrementAndGet();
      ctx.close();
      return;
    }
    super.userEventTriggered(ctx, event);
  }

  long closed() {
    return closed.get();
  }
}
