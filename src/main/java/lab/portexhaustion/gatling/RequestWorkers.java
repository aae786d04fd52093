package lab.portexhaustion.gatling;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that run the blocking requests: a fixed number of workers and a bounded queue. A full queue rejects
 * the request, which is reported as "harness saturated" rather than silently slowing the arrival rate down.
 *
 * <p>Hand-written rather than a {@code ThreadPoolExecutor}, whose idle threads wait their turn in order: each request
 * woke the thread idle longest, so a steady load of 8 requests at a time went round all 128 workers. Here a request
 * goes to the worker that went idle last, so the few a steady load needs stay warm and the rest stay parked. Side by
 * side at the pooled benchmark's 8 requests at a time, the harness's JVM took 70.7 µs of CPU per request against
 * 94.6 and was preempted half as often (docs/performance.md, "Gatling's floor, and the worker idle the shortest time").
 */
public final class RequestWorkers implements Executor {

  private static final Logger LOGGER = LoggerFactory.getLogger(RequestWorkers.class);

  private final int queueCapacity;
  private final List<Worker> all = new ArrayList<>();
  /** Idle workers, the one idle the shortest time first. Guarded by {@code this}, as are the fields below. */
  private final Deque<Worker> idle = new ArrayDeque<>();
  private final Queue<Runnable> waiting = new ArrayDeque<>();
  private int busy;
  private boolean stopped;

  public RequestWorkers(int workers, int queueCapacity) {
    this.queueCapacity = queueCapacity;
    for (int i = 1; i <= workers; i++) {
      Worker worker = new Worker("harness-worker-" + i);
      all.add(worker);
      idle.push(worker);
      worker.thread.start();
    }
  }

  /** Runs {@code task} on the worker idle the shortest time, or queues it; rejects it when the queue is full or stopped. */
  @Override
  public void execute(Runnable task) {
    Worker worker;
    synchronized (this) {
      if (stopped) {
        throw new RejectedExecutionException("the harness's workers have stopped");
      }
      worker = idle.poll();
      if (worker == null) {
        if (waiting.size() >= queueCapacity) {
          throw new RejectedExecutionException(all.size() + " workers busy and " + queueCapacity + " requests waiting");
        }
        waiting.add(task);
        return;
      }
      busy++;
      worker.task = task;
    }
    LockSupport.unpark(worker.thread);
  }

  /** Stops taking requests and waits up to {@code seconds} for those already running or waiting, then interrupts them. */
  public void drain(long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    synchronized (this) {
      stopped = true;
      idle.forEach(w -> LockSupport.unpark(w.thread));
      idle.clear();
      while (busy > 0 || !waiting.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          waiting.clear();
          all.forEach(w -> w.thread.interrupt());
          return;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }
  }

  /** The requests running now. */
  synchronized int busy() {
    return busy;
  }

  /** What a worker does once its current task is done: the next waiting task, or null when it goes idle or ends. */
  private synchronized Runnable next(Worker worker) {
    Runnable task = waiting.poll();
    if (task != null) {
      return task;
    }
    busy--;
    if (stopped) {
      notifyAll();
    } else {
      idle.push(worker);
    }
    return null;
  }

  private synchronized boolean stopped() {
    return stopped;
  }

  private final class Worker implements Runnable {

    final Thread thread;
    /** Set by {@link #execute} before it wakes this worker; read only by the worker's own thread. */
    volatile Runnable task;

    Worker(String name) {
      thread = new Thread(this, name);
      thread.setDaemon(true);
    }

    @Override
    public void run() {
      while (true) {
        Runnable current = task;
        if (current == null) {
          if (stopped()) {
            return;
          }
          LockSupport.park(this);
          continue;
        }
        task = null;
        while (current != null) {
          runQuietly(current);
          current = next(this);
        }
      }
    }

    private void runQuietly(Runnable current) {
      try {
        current.run();
      } catch (RuntimeException | Error e) {
        // A task completes its own request, failures included; what escapes is a bug, and the worker carries on.
        LOGGER.error("a harness worker's task failed", e);
      } finally {
        Thread.interrupted(); // an interrupt a task left behind would end every later park at once: a spinning worker
      }
    }
  }
}
