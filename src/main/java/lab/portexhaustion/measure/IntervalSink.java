package lab.portexhaustion.measure;

import org.HdrHistogram.Histogram;

/** Where each closed second of OK latencies goes as it closes ({@code harness/requests.hlog}). */
@FunctionalInterface
public interface IntervalSink {

  /**
   * Takes the OK latencies, in microseconds, of second {@code second} of the run. The histogram is reused for a later
   * second once this returns: keep a copy, not the object.
   */
  void interval(long second, Histogram okLatencyMicros);
}
