package lab.portexhaustion.gatling;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded thread pool that runs the blocking requests: a fixed number of workers and a
 * bounded queue. A full queue rejects the request, which is reported as "harness saturated"
 * rather than silently slowing the arrival rate down.
 */
public final class RequestWorkers extends ThreadPoolExecutor {

  public RequestWorkers(int workers, int queueCapacity) {
    super(workers, workers, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueCapacity), namedDaemons());
    prestartAllCoreThreads();
  }

  private static ThreadFactory namedDaemons() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "harness-worker-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Stops taking requests and waits up to {@code seconds} for those already running. */
  public void drain(long seconds) throws InterruptedException {
    shutdown();
    if (!awaitTermination(seconds, TimeUnit.SECONDS)) {
      shutdownNow();
    }
  }
}
