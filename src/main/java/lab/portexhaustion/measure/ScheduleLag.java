package lab.portexhaustion.measure;

import java.util.List;
import java.util.Optional;
import lab.portexhaustion.config.LoadProfile;

/**
 * How far the requests a run started fell behind its injection profile: at the end of each second, the time since the
 * first request less the time the profile needed to ask for as many. The profile counts arrivals, the run requests: a
 * scenario of several requests per arrival looks ahead of its profile by that count, so its lag is understated, never
 * overstated. Measured to {@code until} (the onset, after which the run is meant to slow down, or the run's end) and
 * within the profile's own length.
 */
public final class ScheduleLag {

  private static final int BISECTIONS = 40;

  private ScheduleLag() {}

  /**
   * The most the requests fell behind, in seconds (0 when they never did); empty when no whole second of injection was
   * measured.
   *
   * @param seconds the run's seconds, as {@link RunMetrics#perSecond()} gives them: row {@code k} covers [k, k + 1)
   * @param firstStartSeconds when the first request started, seconds since the run's start
   * @param untilSeconds the end of what is measured, seconds since the run's start
   */
  public static Optional<Double> worst(List<SecondStats> seconds, double firstStartSeconds, LoadProfile profile, double untilSeconds) {
    double injection = profile.injectionSeconds();
    long started = 0;
    Optional<Double> worst = Optional.empty();
    for (SecondStats second : seconds) {
      started += second.started();
      double end = second.second() + 1;
      double sinceFirst = end - firstStartSeconds;
      if (end > untilSeconds || sinceFirst > injection) {
        break;
      }
      if (sinceFirst <= 0) {
        continue;
      }
      // Ahead of the profile is no lag: the first request's moment is known to the millisecond, the profile's steps not.
      double lag = Math.max(0, sinceFirst - timeToAskFor(started, profile));
      worst = Optional.of(Math.max(lag, worst.orElse(lag)));
    }
    return worst;
  }

  /** The time the profile takes to ask for {@code arrivals} arrivals; its whole length when it asks for fewer. */
  static double timeToAskFor(long arrivals, LoadProfile profile) {
    double low = 0;
    double high = profile.injectionSeconds();
    if (asked(high, profile) <= arrivals) {
      return high;
    }
    for (int i = 0; i < BISECTIONS; i++) {
      double mid = (low + high) / 2;
      if (asked(mid, profile) < arrivals) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return high;
  }

  /** Arrivals the profile asks for in its first {@code t} seconds: the integral of its rate. */
  static double asked(double t, LoadProfile profile) {
    double ramp = profile.rampTime().toMillis() / 1000.0;
    double r0 = profile.startRate();
    double r1 = profile.peakRate();
    if (t <= ramp && ramp > 0) {
      return r0 * t + (r1 - r0) * t * t / (2 * ramp);
    }
    return (r0 + r1) * ramp / 2 + r1 * Math.min(t - ramp, profile.holdTime().toMillis() / 1000.0);
  }
}
