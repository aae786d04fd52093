package lab.portexhaustion.gatling;

import io.netty.channel.EventLoop;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import lab.portexhaustion.strategy.ConnectionStrategy;
import lab.portexhaustion.strategy.RequestWork;

/**
 * A blocking strategy's requests, each on a harness worker, never on Gatling's threads. Blocking is the point of the
 * strategies sent this way: a client per request, or a leaked one, builds a MongoClient, which waits for its server;
 * keep-alive keeps plain sockets; and the pool is the synchronous driver's.
 */
final class WorkerPath implements RequestPath {

  private final ConnectionStrategy strategy;
  private final Executor workers;

  WorkerPath(ConnectionStrategy strategy, Executor workers) {
    this.strategy = strategy;
    this.workers = workers;
  }

  @Override
  public CompletionStage<Void> send(RequestWork work, EventLoop loop, Runnable started) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    workers.execute(() -> {
      started.run();
      try {
        strategy.execute(work);
        done.complete(null);
      } catch (Exception e) {
        done.completeExceptionally(e);
      }
    });
    return done;
  }
}
