package lab.portexhaustion.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three runs' interval logs of known raw latencies, started at different moments, merged: each merged second and the
 * merged whole hold exactly what a histogram of the raw values would, and the merged p99 is the raw p99 within
 * HdrHistogram's precision.
 */
class LatencyMergeTest {

  private static final long T = 1_796_000_000_000L; // a whole second, in epoch milliseconds
  private static final int SECONDS = 20;

  @TempDir
  Path dir;

  private final Random random = new Random(17);
  private final List<Long> raw = new ArrayList<>();
  private final Histogram allRaw = new Histogram(3);
  private final Map<Long, Histogram> rawPerWallSecond = new TreeMap<>();

  @Test
  void mergedSecondsAndTheMergedWholeHoldEveryRawLatency() throws Exception {
    // Starts at .300 (placed at second T), 1.800 (T + 2: the nearest whole second) and 3.000 s (T + 3).
    List<Long> startMillis = List.of(T + 300, T + 1_800, T + 3_000);
    List<Long> startSeconds = List.of(T / 1000, T / 1000 + 2, T / 1000 + 3);
    List<Path> logs = new ArrayList<>();
    for (int client = 0; client < 3; client++) {
      logs.add(writeLog("client-" + client + ".hlog", startMillis.get(client), startSeconds.get(client), 1 + client));
    }

    Histogram merged = new Histogram(3);
    Histogram second = new Histogram(3);
    try (LatencyMerge merge = new LatencyMerge(logs, startSeconds)) {
      for (long w = T / 1000; w < T / 1000 + 3 + SECONDS; w++) {
        second.reset();
        merge.addUpTo(w, second);
        Histogram expected = rawPerWallSecond.getOrDefault(w, new Histogram(3));
        assertThat(second.getTotalCount()).as("second %d", w).isEqualTo(expected.getTotalCount());
        for (double p : new double[] {50, 95, 99, 100}) {
          assertThat(second.getValueAtPercentile(p)).as("second %d, p%s", w, p).isEqualTo(expected.getValueAtPercentile(p));
        }
        merged.add(second);
      }
      assertThat(merge.firstWithIntervalsLeft()).isEmpty();
    }

    assertThat(merged.getTotalCount()).isEqualTo(raw.size()).isEqualTo(allRaw.getTotalCount());
    long[] sorted = raw.stream().mapToLong(Long::longValue).sorted().toArray();
    for (double p : new double[] {50, 95, 99, 99.9}) {
      long exact = sorted[(int) Math.max(1, (long) Math.ceil(p / 100 * sorted.length)) - 1]; // nearest rank
      assertThat(merged.getValueAtPercentile(p)).as("p%s", p).isEqualTo(allRaw.getValueAtPercentile(p))
          .isEqualTo(allRaw.highestEquivalentValue(exact));
      assertThat((double) merged.getValueAtPercentile(p)).as("p%s against the raw value", p).isCloseTo(exact, withinPercentage(0.1));
    }
    assertThat(merged.getMaxValue()).isEqualTo(allRaw.highestEquivalentValue(sorted[sorted.length - 1]));
  }

  @Test
  void namesRunsByTheirPathBelowTheFolderThatHoldsThemAll() {
    assertThat(RunMerger.names(List.of(Path.of("/r/fleet/client-0/pooledsimulation-1"), Path.of("/r/fleet/client-1/pooledsimulation-1"))))
        .containsExactly("client-0/pooledsimulation-1", "client-1/pooledsimulation-1");
    assertThat(RunMerger.names(List.of(Path.of("/r/pooledsimulation-1")))).containsExactly("pooledsimulation-1");
  }

  /** A log as the harness writes one: StartTime and BaseTime the run's start, one interval per second of the run. */
  private Path writeLog(String name, long startMillis, long startSecond, int slowness) throws Exception {
    Path file = dir.resolve(name);
    try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
      HistogramLogWriter log = new HistogramLogWriter(out);
      log.outputLogFormatVersion();
      log.outputStartTime(startMillis);
      log.outputBaseTime(startMillis);
      log.outputLegend();
      for (int k = 0; k < SECONDS; k++) {
        Histogram interval = new Histogram(3);
        int requests = random.nextInt(400);
        for (int r = 0; r < requests; r++) {
          long micros = 1 + (long) Math.exp(random.nextGaussian() * 1.5 + 6 + slowness); // long-tailed, some seconds
          interval.recordValue(micros);
          raw.add(micros);
          allRaw.recordValue(micros);
          rawPerWallSecond.computeIfAbsent(startSecond + k, w -> new Histogram(3)).recordValue(micros);
        }
        log.outputIntervalHistogram(k, k + 1, interval, 1_000.0);
      }
    }
    return file;
  }

}
