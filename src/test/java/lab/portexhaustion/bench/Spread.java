package lab.portexhaustion.bench;

import java.util.List;

/**
 * The repetitions of one measurement: how many, and their min, median and max. A median of
 * interleaved repetitions, not a mean, because a shared machine's noise comes in bursts.
 */
record Spread(int repetitions, double min, double median, double max) {

  static Spread of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no repetitions");
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Spread(n, sorted.get(0), median, sorted.get(n - 1));
  }
}
