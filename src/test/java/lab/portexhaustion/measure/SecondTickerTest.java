package lab.portexhaustion.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SecondTickerTest {

  @Test
  void ticksAtTheRunsWholeSecondsAndGoesOnAfterATickThatFailed() throws Exception {
    AtomicInteger ticks = new AtomicInteger();
    CountDownLatch twoTicks = new CountDownLatch(2);
    Instant startedAt = Instant.now().minusMillis(900); // the run's first whole second is 0.1 s away
    long before = System.nanoTime();
    try (SecondTicker ticker = new SecondTicker(startedAt, () -> {
      twoTicks.countDown();
      if (ticks.incrementAndGet() == 1) {
        throw new IllegalStateException("disk full");
      }
    })) {
      ticker.start();
      assertThat(twoTicks.await(3, TimeUnit.SECONDS)).as("a second tick after the failed first").isTrue();
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
    assertThat(millis).as("the second tick at the run's second 2, 1.1 s from the start of the test").isBetween(1_000L, 2_000L);
    int after = ticks.get();
    Thread.sleep(1_200);
    assertThat(ticks.get()).as("no tick once closed").isEqualTo(after);
  }

  @Test
  void ticksNothingUntilStarted() throws Exception {
    AtomicInteger ticks = new AtomicInteger();
    CountDownLatch firstTick = new CountDownLatch(1);
    Instant startedAt = Instant.now().minusSeconds(5); // a tick would be due at once
    try (SecondTicker ticker = new SecondTicker(startedAt, () -> {
      ticks.incrementAndGet();
      firstTick.countDown();
    })) {
      Thread.sleep(300);
      assertThat(ticks).as("no tick before start()").hasValue(0);

      ticker.start();
      assertThat(firstTick.await(1, TimeUnit.SECONDS)).as("the tick that was due, once started").isTrue();
    }
  }
}
