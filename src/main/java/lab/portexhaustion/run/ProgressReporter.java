package lab.portexhaustion.run;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import lab.portexhaustion.measure.RunMetrics;
import lab.portexhaustion.onset.OnsetDetector;
import lab.portexhaustion.sampler.PortSampler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A progress line every few seconds beside Gatling's own console: requests, rate, ports in use, TIME_WAIT, onset status. */
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
  private final PortSampler sampler;
  private final Instant start;
  private long lastStarted;

  ProgressReporter(String label, RunMetrics metrics, OnsetDetector onset, PortSampler sampler, Instant start) {
    this.label = label;
    this.metrics = metrics;
    this.onset = onset;
    this.sampler = sampler;
    this.start = start;
  }

  /** The first line in {@link #EVERY_SECONDS} seconds, then one every as many. */
  void start() {
    timer.scheduleAtFixedRate(this::report, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
  }

  private void report() {
    long started = metrics.startedCount();
    double rate = (started - lastStarted) / (double) EVERY_SECONDS;
    lastStarted = started;
    String onsetStatus = onset.onset()
        .map(o -> String.format("onset at %.1f s (%s)", o.elapsed().toMillis() / 1000.0, o.error().code()))
        .orElse("no exhaustion yet");
    String portStatus = sampler.latestFull()
        .map(full -> String.format("ports %,d/%,d (%.1f %%), TIME_WAIT %,d toward target", full.ports().towardTarget(),
            full.totals().rangeSize(), full.ports().utilisationPercent(), full.towardTarget().timeWait()))
        .orElse("ports: no sample yet");
    // KO counts the requests the simulation could not build, as Gatling's report does; they never started, so the
    // line says how many of them there were, or OK + KO would add up to more than the requests started.
    long notBuilt = metrics.notBuiltCount();
    LOG.info(String.format("[%s] %4.0f s  %,d requests (OK %,d, KO %,d%s), %.0f req/s, %s, %s",
        label, Duration.between(start, Instant.now()).toMillis() / 1000.0, started,
        metrics.succeededCount(), metrics.failedCount(), notBuilt == 0 ? "" : String.format(", %,d of them not built", notBuilt),
        rate, portStatus, onsetStatus));
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
