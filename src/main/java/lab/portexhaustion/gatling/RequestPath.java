package lab.portexhaustion.gatling;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoop;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import lab.portexhaustion.strategy.ConnectionStrategy;
import lab.portexhaustion.strategy.EventLoopStrategy;
import lab.portexhaustion.strategy.RequestWork;

/**
 * Where an action's request runs: on the virtual user's own event loop for a strategy that never blocks (raw sockets,
 * as Gatling's HTTP does), else on one of the harness's workers.
 */
interface RequestPath {

  /**
   * Starts {@code work} for the virtual user of {@code loop}, calling {@code started} as it is sent; the stage completes
   * when the request has. Throws {@link RejectedExecutionException} when the request found no room to wait.
   */
  CompletionStage<Void> send(RequestWork work, EventLoop loop, Runnable started);

  /** The path of {@code strategy}'s requests; {@code channels} are the sockets of Gatling's transport. */
  static RequestPath of(ConnectionStrategy strategy, Executor workers, ChannelFactory<? extends Channel> channels) {
    if (strategy instanceof EventLoopStrategy onLoop) {
      return (work, loop, started) -> {
        started.run();
        return onLoop.send(work, loop, channels);
      };
    }
    return new WorkerPath(strategy, workers);
  }
}
