package lab.portexhaustion.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How much the OK latency grew over the run's own first seconds: the median of the per-second medians of the first
 * {@value #WINDOW} seconds with OK requests, against the highest median of {@value #WINDOW} such seconds in a row after
 * them. A machine that cannot keep up shows here first (requests wait for a CPU), whatever the scenario's own latency.
 * Only seconds with at least {@value #MIN_OK} OK requests count: one request is no median.
 */
public final class LatencyGrowth {

  static final int WINDOW = 3;
  static final int MIN_OK = 5;

  /** The first seconds' median and the highest later one, in milliseconds. */
  public record Medians(double firstMillis, double laterMillis) {}

  private LatencyGrowth() {}

  /** Empty when fewer than two windows of seconds with OK requests came before {@code untilSeconds}. */
  public static Optional<Medians> of(List<SecondStats> seconds, double untilSeconds) {
    List<Double> medians = new ArrayList<>();
    for (SecondStats second : seconds) {
      if (second.second() + 1 > untilSeconds) {
        break;
      }
      if (second.ok() >= MIN_OK) {
        medians.add(second.p50Millis());
      }
    }
    if (medians.size() < 2 * WINDOW) {
      return Optional.empty();
    }
    double first = median(medians.subList(0, WINDOW));
    double later = 0;
    for (int i = WINDOW; i + WINDOW <= medians.size(); i++) {
      later = Math.max(later, median(medians.subList(i, i + WINDOW)));
    }
    return Optional.of(new Medians(first, later));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
