package lab.portexhaustion.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import lab.portexhaustion.failure.SocketErrorListener;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.config.SettingsLoader;
import lab.portexhaustion.strategy.ConnectionStrategy;
import lab.portexhaustion.strategy.RequestWork;
import lab.portexhaustion.strategy.StrategyFactory;
import lab.portexhaustion.target.MongoTarget;
import lab.portexhaustion.target.TargetFactory;

/**
 * The baseline of a throughput line, in a JVM of its own like the harness's Gatling run: the same
 * strategy's requests in {@code concurrency} plain threads, no Gatling, no harness. Prints the
 * requests completed in each second as {@code COMPLETED_PER_SECOND n,n,...}, and when its second 0 began as
 * {@code STARTED_AT_EPOCH_MILLIS n}, so that the suite can find those seconds among its /proc snapshots.
 *
 * <p>Arguments: scenario, concurrency, seconds, MongoDB URI.
 */
public final class BareLoop {

  static final String OUTPUT_PREFIX = "COMPLETED_PER_SECOND ";
  static final String STARTED_AT_PREFIX = "STARTED_AT_EPOCH_MILLIS ";

  private BareLoop() {}

  public static void main(String[] args) throws Exception {
    Scenario scenario = Scenario.valueOf(args[0]);
    int concurrency = Integer.parseInt(args[1]);
    Duration length = Duration.ofSeconds(Long.parseLong(args[2]));
    HarnessSettings settings = SettingsLoader.load(Map.of("target", "uri", "uri", args[3]), Path.of("no-harness.conf"));
    try (MongoTarget target = TargetFactory.start(settings, port -> true);
        ConnectionStrategy strategy = StrategyFactory.create(scenario.strategy(), target, settings, SocketErrorListener.NONE)) {
      RequestWork work = StrategyFactory.settingsOperation(settings);
      AtomicLongArray completed = new AtomicLongArray((int) length.toSeconds() + 2);
      AtomicLong failures = new AtomicLong();
      long start = System.nanoTime();
      long startedAt = System.currentTimeMillis();
      long end = start + length.toNanos();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        Thread thread = new Thread(() -> {
          while (System.nanoTime() < end) {
            try {
              strategy.execute(work);
              completed.incrementAndGet((int) ((System.nanoTime() - start) / 1_000_000_000L));
            } catch (Exception e) {
              failures.incrementAndGet();
            }
          }
        }, "bare-loop-" + i);
        thread.start();
        threads.add(thread);
      }
      for (Thread thread : threads) {
        thread.join();
      }
      List<String> counts = new ArrayList<>();
      for (int s = 0; s < completed.length(); s++) {
        counts.add(String.valueOf(completed.get(s)));
      }
      System.out.println(OUTPUT_PREFIX + String.join(",", counts));
      System.out.println(STARTED_AT_PREFIX + startedAt);
      if (failures.get() > 0) {
        System.out.println("FAILURES " + failures.get());
      }
    }
  }
}
