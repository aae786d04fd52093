package lab.portexhaustion.onset;

import java.time.Duration;
import java.util.OptionalDouble;
import lab.portexhaustion.config.LoadProfile;

/**
 * Little's law for ports: a request holds its ports for the connection's lifetime plus
 * TIME_WAIT, so ports in use at time t ≈ ports per request × the requests started in the last
 * (lifetime + TIME_WAIT) seconds — for a constant rate, rate × (lifetime + TIME_WAIT).
 * Exhaustion starts when that reaches the free ports of the range.
 */
public final class ExhaustionModel {

  private static final double STEP_SECONDS = 0.05;

  private ExhaustionModel() {}

  /**
   * Seconds after the start at which the model says the free ports run out, if they do while the
   * profile injects.
   */
  public static OptionalDouble predictedOnsetSeconds(LoadProfile load, double portsPerRequest, Duration holdPerRequest,
      int freePorts) {
    if (portsPerRequest <= 0) {
      return OptionalDouble.empty();
    }
    int steps = (int) Math.ceil(load.injectionSeconds() / STEP_SECONDS);
    int window = (int) Math.round(holdPerRequest.toMillis() / 1000.0 / STEP_SECONDS);
    double[] startedBy = new double[steps + 1]; // requests started by the end of each step
    for (int i = 1; i <= steps; i++) {
      startedBy[i] = startedBy[i - 1] + load.rateAt((i - 1) * STEP_SECONDS) * STEP_SECONDS;
      double holding = startedBy[i] - startedBy[Math.max(0, i - window)];
      if (portsPerRequest * holding >= freePorts) {
        return OptionalDouble.of(Math.round(i * STEP_SECONDS * 10) / 10.0);
      }
    }
    return OptionalDouble.empty();
  }
}
