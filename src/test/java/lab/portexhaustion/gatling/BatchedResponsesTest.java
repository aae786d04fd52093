package lab.portexhaustion.gatling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.core.stats.StatsEngine;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import scala.Option;
import scala.collection.immutable.List$;

/** The responses a run hands Gatling's stats engine in batches: each once, as logged, and none left behind. */
class BatchedResponsesTest {

  private final RecordingStatsEngine stats = new RecordingStatsEngine();
  private final BatchedResponses batched = new BatchedResponses();

  @AfterEach
  void close() {
    batched.close();
  }

  private static void log(ResponseLog log, String name, long start) {
    log.logResponse("scenario", List$.MODULE$.empty(), name, start, start + 3, OK$.MODULE$, Option.empty(), Option.empty());
  }

  @Test
  void aResponseReachesGatlingAsLoggedOnceFlushed() {
    ResponseLog log = batched.to(stats.engine);
    log.logResponse("scenario", List$.MODULE$.empty(), "find user", 1_000, 1_042, KO$.MODULE$, Option.apply("ETIMEDOUT"),
        Option.apply("timeout: server selection"));

    batched.flush();

    assertThat(stats.responses).containsExactly(new RecordingStatsEngine.Response("scenario", "find user", 1_000, 1_042, "KO",
        "ETIMEDOUT", "timeout: server selection", Thread.currentThread().getName()));
  }

  @Test
  void responsesAreHandedOverWithinTheIntervalWithoutBeingAsked() throws InterruptedException {
    ResponseLog log = batched.to(stats.engine);
    for (int i = 0; i < 100; i++) {
      log(log, "read", i);
    }

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (stats.responses.size() < 100 && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }

    assertThat(stats.responses).extracting(RecordingStatsEngine.Response::startMillis).as("every one, in the order logged")
        .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 100).boxed().toList());
    assertThat(stats.responses).extracting(RecordingStatsEngine.Response::thread).containsOnly("harness-stats");
  }

  /**
   * A virtual user's end: its thread flushes, and once the flush returns its responses are in Gatling's engine, even
   * while the thread of the interval has taken them from the queue and is still handing them over.
   */
  @Test
  void onceAFlushReturnsEveryResponseLoggedBeforeItIsInGatlingsEngine() throws Exception {
    CountDownLatch handingOver = new CountDownLatch(1);
    List<String> received = new CopyOnWriteArrayList<>();
    StatsEngine slowOnTheIntervalsThread = (StatsEngine) Proxy.newProxyInstance(StatsEngine.class.getClassLoader(),
        new Class<?>[] {StatsEngine.class}, (proxy, method, args) -> {
          if (method.getName().equals("logResponse")) {
            if (Thread.currentThread().getName().equals("harness-stats")) {
              handingOver.countDown();
              Thread.sleep(300);
            }
            received.add((String) args[2]);
          }
          return null;
        });
    ResponseLog log = batched.to(slowOnTheIntervalsThread);
    log(log, "last request", 1);

    assertThat(handingOver.await(5, TimeUnit.SECONDS)).as("the interval's thread took it").isTrue();
    batched.flush();

    assertThat(received).containsExactly("last request");
  }

  @Test
  void onceTheLoadIsBeingStoppedResponsesGoToGatlingAsTheyAreLogged() {
    ResponseLog log = batched.to(stats.engine);
    log(log, "before the stop", 1);

    batched.handOverAtOnce();
    assertThat(stats.responses).extracting(RecordingStatsEngine.Response::requestName).containsExactly("before the stop");
    log(log, "after the stop", 2);

    assertThat(stats.responses).extracting(RecordingStatsEngine.Response::requestName).as("in the engine as logResponse returns")
        .containsExactly("before the stop", "after the stop");
  }

  @Test
  void manyThreadsLoggingHandOverEachResponseExactlyOnce() throws Exception {
    ResponseLog log = batched.to(stats.engine);
    int threads = 4;
    int each = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long first = (long) t * each;
        done.add(pool.submit(() -> {
          for (long start = first; start < first + each; start++) {
            log(log, "write", start);
          }
        }));
      }
      for (Future<?> thread : done) {
        thread.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    batched.close();

    assertThat(stats.responses).hasSize(threads * each);
    assertThat(stats.responses.stream().map(RecordingStatsEngine.Response::startMillis).distinct().count())
        .isEqualTo(threads * each);
  }

  @Test
  void aRunsResponsesGoToTheOneGatlingRunThatBuiltItsActions() {
    batched.to(stats.engine);

    assertThat(batched.to(stats.engine)).isSameAs(batched);
    assertThatThrownBy(() -> batched.to(new RecordingStatsEngine().engine))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a harness run serves one Gatling run");
  }
}
