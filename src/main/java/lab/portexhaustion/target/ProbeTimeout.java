package lab.portexhaustion.target;

import java.math.BigDecimal;
import java.time.Duration;
import lab.portexhaustion.config.Timeouts;

/**
 * How long the probe waits for the target to answer, and the setting that makes it so, for the message that says it waited.
 *
 * @param duration the probe's server-selection and connect timeout
 * @param origin where that time comes from, as the user would change it
 */
public record ProbeTimeout(Duration duration, String origin) {

  private static final Duration FLOOR = Duration.ofSeconds(10);

  /** The run's server-selection timeout, never under 10 s. */
  public static ProbeTimeout of(Timeouts timeouts) {
    Duration selection = timeouts.serverSelection();
    return new ProbeTimeout(selection.compareTo(FLOOR) > 0 ? selection : FLOOR,
        "the longer of timeouts.serverSelection (" + seconds(selection) + ") and " + seconds(FLOOR));
  }

  /** "10 s, the longer of ...". */
  String text() {
    return seconds(duration) + ", " + origin;
  }

  private static String seconds(Duration d) {
    return BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString() + " s";
  }
}
