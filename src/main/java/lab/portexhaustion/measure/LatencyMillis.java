package lab.portexhaustion.measure;

import org.HdrHistogram.Histogram;

/**
 * The one rounding of every latency the harness writes (a run's summary, its seconds, a fleet's merge): microseconds as
 * milliseconds to two places. Rounded on the tenth of a microsecond count, where a tie is exact: {@code µs / 1000.0 *
 * 100} lands a hair below some ties (37,535 µs gave 37.53 in the summary while the merge of the same run said 37.54).
 */
public final class LatencyMillis {

  private LatencyMillis() {}

  public static double of(long micros) {
    return Math.round(micros / 10.0) / 100.0;
  }

  /** The histogram's value at {@code percentile}, in milliseconds; 0 for an empty histogram. */
  public static double atPercentile(Histogram micros, double percentile) {
    return micros.getTotalCount() == 0 ? 0 : of(micros.getValueAtPercentile(percentile));
  }

  /** The histogram's highest value, in milliseconds; 0 for an empty histogram. */
  public static double max(Histogram micros) {
    return micros.getTotalCount() == 0 ? 0 : of(micros.getMaxValue());
  }
}
