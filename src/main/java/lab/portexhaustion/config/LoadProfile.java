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
