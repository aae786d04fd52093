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

/**
 * Notices the first exhaustion-class socket error of a run (for the idle-connection scenarios, a
 * server refusing new connections counts too), wherever it surfaced: a request's failure, or the
 * driver's monitor, which meets it seconds before the request that waits for a server gives up.
 * Keeps it, with the request counts at that moment, so the run can stop injecting a grace time later.
 */
public final class OnsetDetector {

  private final Instant runStart;
  private final Duration grace;
  private final Consumer<Onset> onOnset;
  private final Predicate<ErrorKind> exhaustion;
  private final AtomicReference<Onset> onset = new AtomicReference<>();

  /**
   * {@code onOnset} runs once, on the thread that saw the first failure of a kind {@code scenario}
   * counts as exhaustion.
   */
  public OnsetDetector(Instant runStart, Duration grace, Scenario scenario, Consumer<Onset> onOnset) {
    this.runStart = runStart;
    this.grace = grace;
    this.onOnset = onOnset;
    this.exhaustion = kind -> kind.isExhaustion() || (kind == ErrorKind.SERVER_REFUSED && scenario.serverRefusalIsExhaustion());
  }

  /**
   * Looks at one socket error seen {@code at}, from {@code surfaced}; the first exhaustion-class one becomes
   * the onset. Returns whether the error is explained by exhaustion: exhaustion-class itself, or any failure
   * once exhaustion has started (its echo: timeouts, refusals of a server swamped by retries).
   */
  public boolean observe(ClassifiedError error, Instant at, String surfaced, RequestCounts counts) {
    if (exhaustion.test(error.kind())) {
      if (onset.get() == null) {
        // An error met while the run's client was being made (a warm pool refused) came before the run's clock: at 0.
        Duration elapsed = at.isBefore(runStart) ? Duration.ZERO : Duration.between(runStart, at);
        Onset first = new Onset(at, elapsed, error, surfaced, counts.started(), counts.succeeded(), counts.failed(),
            counts.visitsServed());
        if (onset.compareAndSet(null, first)) {
          onOnset.accept(first);
        }
      }
      return true;
    }
    Onset first = onset.get();
    return first != null && !at.isBefore(first.at());
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
