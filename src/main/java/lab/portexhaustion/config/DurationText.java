package lab.portexhaustion.config;

import java.time.Duration;

/** A duration as the settings spell it, in the largest of s, ms and ns that says it exactly: {@code 5s}, {@code 1500ms}. */
final class DurationText {

  private DurationText() {}

  static String of(Duration duration) {
    if (duration.getNano() == 0) {
      return duration.getSeconds() + "s";
    }
    if (duration.getNano() % 1_000_000 == 0) {
      return duration.toMillis() + "ms";
    }
    return duration.toNanos() + "ns";
  }
}
