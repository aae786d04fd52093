package lab.portexhaustion.config;

import java.time.Duration;

/** The open-model arrival profile shared by every simulation, and the bounds of one run. */
public record LoadProfile(
    double startRate,
    double peakRate,
    Duration rampTime,
    Duration holdTime,
    Duration maxDuration,
    Duration exhaustionGrace,
    int workers,
    int queueCapacity) {

  /**
   * The highest arrival rate one simulation process takes, requests per second. The harness's
   * own throughput is some 5,000 to 7,000 requests/s on two cores (scripts/bench); a rate a few
   * times that still ends in time (requests beyond what the workers keep up with fail at once as
   * "harness saturated"), while rates far above it make Gatling create more virtual users than
   * the heap holds, and the run no longer ends by itself.
   */
  public static final double MAX_RATE = 20_000;
  /** The longest bound of one simulation: a 12-hour soak, with room. */
  public static final Duration MAX_DURATION = Duration.ofHours(48);
  /** Worker threads; each blocks on one request, so more than this only costs memory. */
  public static final int MAX_WORKERS = 2_000;
  /** Requests waiting for a worker; each holds a virtual user's session. */
  public static final int MAX_QUEUE = 100_000;

  /** The arrival rate the profile asks for {@code seconds} after the start, requests per second. */
  public double rateAt(double seconds) {
    double ramp = rampTime.toMillis() / 1000.0;
    double hold = holdTime.toMillis() / 1000.0;
    if (seconds < 0 || seconds >= ramp + hold) {
      return 0;
    }
    return seconds < ramp ? startRate + (peakRate - startRate) * seconds / ramp : peakRate;
  }

  /** Seconds the profile injects for: ramp plus hold. */
  public double injectionSeconds() {
    return (rampTime.toMillis() + holdTime.toMillis()) / 1000.0;
  }
}
