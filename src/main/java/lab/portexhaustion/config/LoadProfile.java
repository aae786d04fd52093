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

  /** Requests the profile injects if nothing stops it early. */
  public double plannedRequests() {
    return (startRate + peakRate) / 2 * rampTime.toMillis() / 1000.0 + peakRate * holdTime.toMillis() / 1000.0;
  }
}
