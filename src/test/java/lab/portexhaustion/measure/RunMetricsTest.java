package lab.portexhaustion.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import lab.portexhaustion.failure.ClassifiedError;
import lab.portexhaustion.failure.ErrorClassifier;
import lab.portexhaustion.onset.RequestCounts;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class RunMetricsTest {

  private final List<Long> secondsSeen = new ArrayList<>();
  private final List<Histogram> intervalsSeen = new ArrayList<>();
  private final RunMetrics metrics = new RunMetrics((second, latency) -> {
    secondsSeen.add(second);
    intervalsSeen.add(latency.copy());
  });

  @Test
  void aRequestNotBuiltIsAKoOfItsSecondButNeverStartedNorToldToTheOnset() {
    ClassifiedError mistake = ErrorClassifier.notBuilt("find user", new IllegalArgumentException("No attribute named 'user' is defined"));
    metrics.started();
    metrics.succeeded(1_000_000);
    metrics.arrivalServed();
    metrics.notBuilt("find user", mistake);
    metrics.notBuilt("find user", ErrorClassifier.notBuilt("find user", new IllegalArgumentException("the second")));
    metrics.closeSecond();

    assertThat(metrics.perSecond()).singleElement().satisfies(row -> {
      assertThat(row.started()).isEqualTo(1);
      assertThat(row.ko()).as("as Gatling's report counts them").isEqualTo(2);
    });
    assertThat(metrics.failedCount()).isEqualTo(2);
    assertThat(metrics.notBuiltCount()).isEqualTo(2);
    assertThat(metrics.counts()).as("what the onset is told: sent requests only").isEqualTo(new RequestCounts(1, 1, 0, 1));
    assertThat(metrics.notBuiltRequests()).as("one request, with the reason of its first failure")
        .containsExactly(new RunMetrics.NotBuiltRequest("find user", 2, "find user: No attribute named 'user' is defined"));
    assertThat(metrics.unansweredSinceLastOk()).as("the target left nothing unanswered").isZero();
    assertThat(mistake.reportText()).isEqualTo("request not built: find user: No attribute named 'user' is defined");
  }

  @Test
  void eachRequestNotBuiltIsNamedInTheOrderItFirstFailed() {
    metrics.notBuilt("save session", ErrorClassifier.notBuilt("save session", new IllegalArgumentException("no 'hits'")));
    metrics.notBuilt("find user", ErrorClassifier.notBuilt("find user", new IllegalArgumentException("no 'user'")));
    metrics.notBuilt("save session", ErrorClassifier.notBuilt("save session", new IllegalArgumentException("no 'visits'")));

    assertThat(metrics.notBuiltRequests()).containsExactly(
        new RunMetrics.NotBuiltRequest("save session", 2, "save session: no 'hits'"),
        new RunMetrics.NotBuiltRequest("find user", 1, "find user: no 'user'"));
    assertThat(metrics.notBuiltCount()).isEqualTo(3);
  }

  @Test
  void eachSecondGetsItsCountsAndThePercentilesOfItsOwnLatencies() {
    Histogram firstSecond = new Histogram(3);
    for (long micros = 1_000; micros <= 2_000; micros++) {
      metrics.started();
      metrics.succeeded(micros * 1_000);
      firstSecond.recordValue(micros);
    }
    metrics.closeSecond();
    metrics.closeSecond(); // a quiet second
    ClassifiedError refused = ErrorClassifier.classify(new java.net.ConnectException("Connection refused"));
    for (int i = 0; i < 7; i++) {
      metrics.started();
      metrics.failed(refused);
    }
    metrics.started();
    metrics.succeeded(50_000_000);
    metrics.closeSecond();

    List<SecondStats> rows = metrics.perSecond();
    assertThat(rows).extracting(SecondStats::second).containsExactly(0L, 1L, 2L);
    assertThat(rows.get(0)).isEqualTo(new SecondStats(0, 1001, 1001, 0, millis(firstSecond, 50), millis(firstSecond, 95),
        millis(firstSecond, 99)));
    assertThat(rows.get(0).p99Millis()).isEqualTo(1.99);
    assertThat(rows.get(1)).isEqualTo(new SecondStats(1, 0, 0, 0, 0, 0, 0));
    double fiftyMillis = Math.round(firstSecond.highestEquivalentValue(50_000) / 10.0) / 100.0; // within 3 digits of 50 ms
    assertThat(fiftyMillis).isCloseTo(50.0, org.assertj.core.data.Offset.offset(0.05));
    assertThat(rows.get(2)).isEqualTo(new SecondStats(2, 8, 1, 7, fiftyMillis, fiftyMillis, fiftyMillis));
    assertThat(metrics.peakStartedPerSecond()).isEqualTo(1001);
    assertThat(secondsSeen).containsExactly(0L, 1L, 2L);
    assertThat(intervalsSeen).extracting(Histogram::getTotalCount).containsExactly(1001L, 0L, 1L);
    Histogram total = metrics.okLatencyMicros();
    assertThat(total.getTotalCount()).isEqualTo(1002);
    assertThat(total.getMaxValue()).isEqualTo(total.highestEquivalentValue(50_000));
  }

  @Test
  void everyRequestLandsInExactlyOneSecondWhileSecondsCloseUnderLoad() throws Exception {
    int threads = 4;
    int perThread = 50_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> recorders = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      recorders.add(pool.submit(() -> {
        go.await();
        for (int i = 1; i <= perThread; i++) {
          metrics.started();
          metrics.succeeded(i * 1_000L);
        }
        return null;
      }));
    }
    go.countDown();
    while (!recorders.stream().allMatch(Future::isDone)) {
      metrics.closeSecond();
      Thread.sleep(1);
    }
    for (Future<?> f : recorders) {
      f.get();
    }
    metrics.closeSecond();
    pool.shutdown();
    assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();

    long all = (long) threads * perThread;
    assertThat(metrics.perSecond()).hasSizeGreaterThan(1);
    assertThat(metrics.perSecond().stream().mapToLong(SecondStats::ok).sum()).isEqualTo(all);
    assertThat(metrics.perSecond().stream().mapToLong(SecondStats::started).sum()).isEqualTo(all);
    assertThat(intervalsSeen.stream().mapToLong(Histogram::getTotalCount).sum()).isEqualTo(all);
    assertThat(metrics.okLatencyMicros().getTotalCount()).isEqualTo(all).isEqualTo(metrics.succeededCount());
  }

  private static double millis(Histogram h, double percentile) {
    return Math.round(h.getValueAtPercentile(percentile) / 10.0) / 100.0;
  }
}
