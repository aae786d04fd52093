package lab.portexhaustion.measure;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import lab.portexhaustion.failure.ClassifiedError;
import lab.portexhaustion.failure.ErrorClassifier;
import lab.portexhaustion.onset.OnsetDetector;

/**
 * Where every finished request goes: classified, counted in the run's metrics, shown to the
 * onset detector; a failure that exhaustion does not explain is counted apart, for the verdict. Closed when Gatling ends the run: requests still in flight then are left out,
 * as Gatling's own report leaves them out, so both count the same requests.
 */
public final class RequestRecorder {

  private final RunMetrics metrics;
  private final OnsetDetector onset;
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final LongAdder leftInFlight = new LongAdder();

  public RequestRecorder(RunMetrics metrics, OnsetDetector onset) {
    this.metrics = metrics;
    this.onset = onset;
  }

  /** False once the run has ended; a request that finishes then is counted only as left in flight. */
  public boolean isOpen() {
    return open.get();
  }

  public void started() {
    metrics.started();
  }

  /** Records one finished request; returns its classified error if it failed. */
  public Optional<ClassifiedError> finished(long latencyNanos, Throwable failure) {
    if (!open.get()) {
      leftInFlight.increment();
      return Optional.empty();
    }
    if (failure == null) {
      metrics.succeeded(latencyNanos);
      return Optional.empty();
    }
    ClassifiedError error = ErrorClassifier.classify(failure);
    metrics.failed(error);
    if (!onset.observe(error, Instant.now(), "request", metrics.counts())) {
      metrics.unexplained(error);
    }
    return Optional.of(error);
  }

  /**
   * A request the simulation could not build for its virtual user: a KO, as in Gatling's report, but not started, as
   * nothing was sent, and not shown to the onset detector; the verdict names it, so that a run whose requests were never
   * sent cannot pass. Returns its error, for Gatling's report.
   */
  public ClassifiedError notBuilt(String request, Throwable mistake) {
    ClassifiedError error = ErrorClassifier.notBuilt(request, mistake);
    if (open.get()) {
      metrics.notBuilt(request, error);
    }
    return error;
  }

  /** The first request of a virtual user succeeded (after {@link #finished} reported it). */
  public void arrivalServed() {
    metrics.arrivalServed();
  }

  /** Stops counting: called when Gatling has ended the run. */
  public void close() {
    open.set(false);
  }

  /** Requests that were running when the run ended and finished afterwards. */
  public long leftInFlight() {
    return leftInFlight.sum();
  }
}
