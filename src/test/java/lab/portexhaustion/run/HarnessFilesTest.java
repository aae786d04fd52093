package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarnessFilesTest {

  @TempDir
  Path results;

  @Test
  void requestsHlogIsAStandardIntervalLogStampedWithTheRunsSeconds() throws Exception {
    Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    HarnessFiles files = new HarnessFiles(results, "FooSimulation", startedAt);
    Histogram beforeTheFolder = histogram(1_000, 2_000, 3_000);
    files.interval(0, beforeTheFolder); // Gatling has not made its folder yet: kept until it has
    Path runFolder = Files.createDirectories(results.resolve("foosimulation-20261130101500123"));
    files.interval(1, histogram());
    files.interval(2, histogram(40_000, 41_000));
    beforeTheFolder.reset(); // the caller reuses its histogram: the file must not change
    files.close();

    List<Histogram> read = new ArrayList<>();
    try (HistogramLogReader reader = new HistogramLogReader(runFolder.resolve("harness/requests.hlog").toFile())) {
      while (reader.hasNext()) {
        read.add((Histogram) reader.nextIntervalHistogram());
      }
      assertThat(reader.getStartTimeSec()).isEqualTo(startedAt.toEpochMilli() / 1000.0);
    }
    assertThat(read).extracting(Histogram::getTotalCount).containsExactly(3L, 0L, 2L);
    assertThat(read).extracting(Histogram::getStartTimeStamp)
        .containsExactly(startedAt.toEpochMilli(), startedAt.toEpochMilli() + 1_000, startedAt.toEpochMilli() + 2_000);
    assertThat(read.get(0).getValueAtPercentile(100)).isEqualTo(read.get(0).highestEquivalentValue(3_000));
    assertThat(read.get(2).getMinValue()).isEqualTo(read.get(2).lowestEquivalentValue(40_000));
  }

  private static Histogram histogram(long... micros) {
    Histogram h = new Histogram(3);
    for (long value : micros) {
      h.recordValue(value);
    }
    return h;
  }
}
