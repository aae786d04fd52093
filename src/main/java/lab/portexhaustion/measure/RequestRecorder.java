package lab.portexhaustion.measure;

import java.time.Instant;
import java.util.Optional;
import lab.portexhaustion.failure.ClassifiedError;
import lab.portexhaustion.failure.ErrorClassifier;
import lab.portexhaustion.onset.OnsetDetector;

/** Where every finished request goes: classified, counted in the run's metrics, shown to the onset detector. */
public final class RequestRecorder {

  private final RunMetrics metrics;
  private final OnsetDetector onset;

  public RequestRecorder(RunMetrics metrics, OnsetDetector onset) {
    this.metrics = metrics;
    this.onset = onset;
  }

  public void started() {
    metrics.started();
  }

  /** Records one finished request; returns its classified error if it failed. */
  public Optional<ClassifiedError> finished(long latencyNanos, Throwable failure) {
    if (failure == null) {
      metrics.succeeded(latencyNanos);
      return Optional.empty();
    }
    ClassifiedError error = ErrorClassifier.classify(failure);
    metrics.failed(error);
    onset.observe(error, Instant.now());
    return Optional.of(error);
  }
}
