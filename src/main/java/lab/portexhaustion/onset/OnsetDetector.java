package lab.portexhaustion.onset;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.failure.ClassifiedError;
import lab.portexhaustion.failure.ErrorKind;
import lab.portexhaustion.measure.RunMetrics;

/**
 * Notices the first exhaustion-class failure of a run (for the idle-connection scenarios, a
 * server refusing new connections counts too) and keeps it, with the request counts at
 * that moment, so the run can stop injecting a grace time later.
 */
public final class OnsetDetector {

  private final Instant runStart;
  private final RunMetrics metrics;
  private final Duration grace;
  private final Consumer<Onset> onOnset;
  private final Predicate<ErrorKind> exhaustion;
  private final AtomicReference<Onset> onset = new AtomicReference<>();

  /**
   * {@code onOnset} runs once, on the thread that saw the first failure of a kind {@code scenario}
   * counts as exhaustion.
   */
  public OnsetDetector(Instant runStart, RunMetrics metrics, Duration grace, Scenario scenario, Consumer<Onset> onOnset) {
    this.runStart = runStart;
    this.metrics = metrics;
    this.grace = grace;
    this.onOnset = onOnset;
    this.exhaustion = kind -> kind.isExhaustion() || (kind == ErrorKind.SERVER_REFUSED && scenario.serverRefusalIsExhaustion());
  }

  /** Looks at one failure; the first exhaustion-class one becomes the onset. */
  public void observe(ClassifiedError error, Instant at) {
    if (exhaustion.test(error.kind()) && onset.get() == null) {
      Onset first = new Onset(at, Duration.between(runStart, at), error,
          metrics.startedCount(), metrics.succeededCount(), metrics.failedCount());
      if (onset.compareAndSet(null, first)) {
        onOnset.accept(first);
      }
    }
  }

  public Optional<Onset> onset() {
    return Optional.ofNullable(onset.get());
  }

  /** True once the grace time after the onset has passed: the run should stop injecting. */
  public boolean graceElapsed(Instant now) {
    Onset first = onset.get();
    return first != null && !now.isBefore(first.at().plus(grace));
  }
}
