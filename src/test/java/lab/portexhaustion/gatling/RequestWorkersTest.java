package lab.portexhaustion.gatling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestWorkersTest {

  private final List<RequestWorkers> started = new ArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    for (RequestWorkers workers : started) {
      workers.drain(1);
    }
  }

  private RequestWorkers workers(int count, int queueCapacity) {
    RequestWorkers workers = new RequestWorkers(count, queueCapacity);
    started.add(workers);
    return workers;
  }

  @Test
  void oneRequestAtATimeKeepsGoingToTheSameWorkerRatherThanCyclingThroughAll() throws Exception {
    RequestWorkers workers = workers(16, 10);
    Set<String> threads = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      CountDownLatch done = new CountDownLatch(1);
      String[] name = new String[1];
      workers.execute(() -> {
        name[0] = Thread.currentThread().getName();
        done.countDown();
      });
      assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
      waitUntilIdle(workers);
      threads.add(name[0]);
    }
    assertThat(threads).hasSize(1); // a thread pool executor's idle queue would have used all 16 in turn
  }

  @Test
  void requestsBeyondTheWorkersWaitAndThoseBeyondTheQueueAreRefused() throws Exception {
    RequestWorkers workers = workers(2, 3);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch running = new CountDownLatch(2);
    AtomicInteger ran = new AtomicInteger();
    for (int i = 0; i < 2; i++) {
      workers.execute(() -> {
        running.countDown();
        awaitQuietly(release);
        ran.incrementAndGet();
      });
    }
    assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < 3; i++) {
      workers.execute(ran::incrementAndGet);
    }
    assertThatThrownBy(() -> workers.execute(ran::incrementAndGet)).isInstanceOf(RejectedExecutionException.class)
        .hasMessage("2 workers busy and 3 requests waiting");
    release.countDown();
    workers.drain(5);
    assertThat(ran).hasValue(5);
  }

  @Test
  void drainingRunsWhatWaitsThenRefusesNewRequests() throws Exception {
    RequestWorkers workers = workers(1, 5);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger ran = new AtomicInteger();
    workers.execute(() -> awaitQuietly(release));
    workers.execute(ran::incrementAndGet);
    workers.execute(ran::incrementAndGet);
    Thread releaser = new Thread(() -> {
      sleepQuietly(200);
      release.countDown();
    });
    releaser.start();
    workers.drain(5);
    assertThat(ran).hasValue(2);
    assertThatThrownBy(() -> workers.execute(ran::incrementAndGet)).isInstanceOf(RejectedExecutionException.class)
        .hasMessage("the harness's workers have stopped");
  }

  @Test
  void aRequestStillRunningWhenTheDrainEndsIsInterrupted() throws Exception {
    RequestWorkers workers = workers(1, 5);
    CountDownLatch interrupted = new CountDownLatch(1);
    workers.execute(() -> {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
    });
    long start = System.nanoTime();
    workers.drain(1);
    assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(900L, 5_000L);
  }

  @Test
  void aTaskThatThrowsLeavesItsWorkerServing() throws Exception {
    RequestWorkers workers = workers(1, 5);
    workers.execute(() -> {
      throw new IllegalStateException("a bug in a task");
    });
    CountDownLatch next = new CountDownLatch(1);
    workers.execute(next::countDown);
    assertThat(next.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aWorkerWhoseTaskLeftItsInterruptFlagSetWaitsForTheNextRequestWithoutSpinning() throws Exception {
    RequestWorkers workers = workers(1, 5);
    Thread[] worker = new Thread[1];
    CountDownLatch ran = new CountDownLatch(1);
    workers.execute(() -> {
      worker[0] = Thread.currentThread();
      Thread.currentThread().interrupt();
      ran.countDown();
    });
    assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    waitUntilIdle(workers);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long before = threads.getThreadCpuTime(worker[0].getId());
    Thread.sleep(300);
    long usedMillis = TimeUnit.NANOSECONDS.toMillis(threads.getThreadCpuTime(worker[0].getId()) - before);

    assertThat(usedMillis).isLessThan(30); // a worker parking in a loop that returns at once would use the 300 ms
    CountDownLatch next = new CountDownLatch(1);
    workers.execute(next::countDown);
    assertThat(next.await(5, TimeUnit.SECONDS)).isTrue();
  }

  /** Until every worker of {@code workers} is parked: the last one to finish is then the first one idle. */
  private static void waitUntilIdle(RequestWorkers workers) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (workers.busy() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    assertThat(workers.busy()).isZero();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
