package lab.portexhaustion.run;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import lab.portexhaustion.measure.RunMetrics;
import lab.portexhaustion.onset.OnsetDetector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A progress line every few seconds beside Gatling's own console: requests, rate, onset status. */
final class ProgressReporter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);
  private static final long EVERY_SECONDS = 5;

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "harness-progress");
    thread.setDaemon(true);
    return thread;
  });
  private final String label;
  private final RunMetrics metrics;
  private final OnsetDetector onset;
  private final Instant start;
  private long lastStarted;

  ProgressReporter(String label, RunMetrics metrics, OnsetDetector onset, Instant start) {
    this.label = label;
    this.metrics = metrics;
    this.onset = onset;
    this.start = start;
    timer.scheduleAtFixedRate(this::report, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
  }

  private void report() {
    long started = metrics.startedCount();
    double rate = (started - lastStarted) / (double) EVERY_SECONDS;
    lastStarted = started;
    String onsetStatus = onset.onset()
        .map(o -> String.format("onset at %.1f s (%s)", o.elapsed().toMillis() / 1000.0, o.error().code()))
        .orElse("no exhaustion yet");
    LOG.info(String.format("[%s] %5.0f s  %,d requests (OK %,d, KO %,d), %.0f req/s now, %s",
        label, Duration.between(start, Instant.now()).toMillis() / 1000.0, started,
        metrics.succeededCount(), metrics.failedCount(), rate, onsetStatus));
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
