package lab.portexhaustion.config;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a simulation may wait for the previous one's TIME_WAIT to drain before it starts.
 *
 * @param maxWait a fixed bound ({@code 0s}: do not wait), or empty for the host's own TIME_WAIT plus {@code margin}
 * @param margin what {@code auto} adds to the host's TIME_WAIT, for the last sockets closed and the polling
 */
public record DrainSettings(Optional<Duration> maxWait, Duration margin) {

  /** The bound on a host whose closed connections hold their port for {@code timeWait}. */
  public Duration bound(Duration timeWait) {
    return maxWait.orElse(timeWait.plus(margin));
  }
}
