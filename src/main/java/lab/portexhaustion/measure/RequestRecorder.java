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
   * A request that could not be made for its virtual user (the simulation's mistake): not a request of the run, as
   * nothing was sent, but a failure the verdict names, so that a run whose requests were never sent cannot pass.
   */
  public void unresolved(Throwable mistake) {
    if (open.get()) {
      metrics.unexplained(ErrorClassifier.classify(mistake));
    }
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
