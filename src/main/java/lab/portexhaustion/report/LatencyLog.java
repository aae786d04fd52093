package lab.portexhaustion.report;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * A run's {@code harness/requests.hlog} read one interval at a time, in order: a merge of long runs holds one interval
 * per run, never a whole log.
 */
final class LatencyLog implements Closeable {

  /** One interval: the run's second it covers and its OK latencies in microseconds. */
  record Interval(long second, Histogram okLatencyMicros) {}

  private final Path file;
  private final HistogramLogReader reader;
  private Interval next;

  private LatencyLog(Path file) throws IOException {
    this.file = file;
    this.reader = new HistogramLogReader(file.toFile());
    advance();
  }

  static LatencyLog open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + " is missing");
    }
    return new LatencyLog(file);
  }

  /** The next interval, left in place; null at the end of the log. */
  Interval peek() {
    return next;
  }

  /** The next interval, consumed; null at the end of the log. */
  Interval take() throws IOException {
    Interval taken = next;
    advance();
    return taken;
  }

  private void advance() throws IOException {
    EncodableHistogram read;
    try {
      read = reader.nextIntervalHistogram();
    } catch (RuntimeException e) {
      throw new IOException(file + " is not a readable HdrHistogram log: " + e, e);
    }
    if (read == null) {
      next = null;
      return;
    }
    if (!(read instanceof Histogram histogram)) {
      throw new IOException(file + " holds " + read.getClass().getSimpleName() + " intervals, not integer histograms");
    }
    // The reader stamps each interval with its absolute start; the log's StartTime is the run's start.
    long second = Math.round(histogram.getStartTimeStamp() / 1000.0 - reader.getStartTimeSec());
    next = new Interval(second, histogram);
  }

  @Override
  public void close() {
    reader.close();
  }
}
