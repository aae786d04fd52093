package lab.portexhaustion.strategy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoop;
import java.util.concurrent.CompletionStage;

/**
 * A strategy whose requests need no thread of their own: {@link #send} opens the request's connection as a Netty
 * channel on the virtual user's event loop, and everything after (the replies, the close, the stage's completion)
 * happens on that loop, without blocking it. {@link ConnectionStrategy#execute} stays the blocking way to the same
 * request, for a caller that has no event loop.
 */
public interface EventLoopStrategy extends ConnectionStrategy {

  /**
   * Starts one request's {@code work} on {@code loop}, with channels from {@code channels} (the transport the loop was
   * built for: epoll, io_uring or NIO); the stage completes once its connection is closed, or fails with what went
   * wrong, Netty's exception as it raised it.
   */
  CompletionStage<Void> send(RequestWork work, EventLoop loop, ChannelFactory<? extends Channel> channels);
}
