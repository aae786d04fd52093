package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.portexhaustion.sampler.PortSample;
import lab.portexhaustion.sampler.TotalsSample;
import lab.portexhaustion.verdict.Evidence;
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

  /**
   * A disk that takes nothing: {@code /dev/full} answers every write with ENOSPC, behind the names the harness writes.
   * Each file is said once with its path and cause, the sampler is never handed an exception, and the temporary file of
   * a whole file is not left behind.
   */
  @Test
  void aFullDiskIsSaidOncePerFileWithItsCauseAndLeavesNoPartialFile() throws Exception {
    Path fullDevice = Path.of("/dev/full");
    assumeTrue(Files.isWritable(fullDevice), "needs /dev/full (Linux)");
    Instant startedAt = Instant.now();
    Path harness = Files.createDirectories(results.resolve("foosimulation-20261130101500123").resolve(HarnessFiles.FOLDER));
    Files.createSymbolicLink(harness.resolve(HarnessFiles.PORTS), fullDevice);
    Files.createSymbolicLink(harness.resolve("summary.json.partial"), fullDevice);
    HarnessFiles files = new HarnessFiles(results, "FooSimulation", startedAt);

    for (int i = 0; i < 10; i++) {
      files.appendSample(new TotalsSample(100L * i, new PortSample.Totals(Optional.of(1L), Optional.of(2L), 1000,
          Optional.of(new PortSample.Descriptors(50, 1024))), Optional.empty()));
    }
    boolean summaryWritten = files.writeJson("summary.json", Map.of("simulation", "FooSimulation"));
    files.close();

    assertThat(summaryWritten).isFalse();
    assertThat(files.notWritten()).containsExactly(
        new Evidence.FileNotWritten(harness.resolve(HarnessFiles.PORTS).toAbsolutePath().toString(), "No space left on device (ENOSPC)"),
        new Evidence.FileNotWritten(harness.resolve("summary.json").toAbsolutePath().toString(), "No space left on device (ENOSPC)"));
    assertThat(harness.resolve("summary.json.partial")).as("the temporary file, removed").doesNotExist();
    assertThat(harness.resolve("summary.json")).doesNotExist();
  }

  /** A run that ended before Gatling made its folder: what was kept for it is counted in words that fit the count. */
  @Test
  void whatWaitedForAFolderThatNeverCameIsCountedInTheSingularForOne() {
    HarnessFiles files = new HarnessFiles(results, "FooSimulation", Instant.now());

    files.appendSample(new TotalsSample(0, new PortSample.Totals(Optional.of(1L), Optional.of(2L), 1000, Optional.empty()),
        Optional.empty()));
    files.interval(0, histogram(1_000));
    files.close();

    assertThat(files.notWritten()).singleElement().extracting(Evidence.FileNotWritten::cause)
        .isEqualTo("no Gatling run folder appeared, so 1 port sample and 1 second of latencies were not written");
  }

  /** A file not written at first (descriptors ran out at the onset) and written later counts as written. */
  @Test
  void aFileWrittenAfterAllIsNoLongerMissing() throws Exception {
    Path harness = Files.createDirectories(results.resolve("foosimulation-20261130101500123").resolve(HarnessFiles.FOLDER));
    // A folder, not empty, where the temporary file goes: the first write fails, and cannot remove it.
    Path blocking = Files.createDirectory(harness.resolve("onset.json.partial"));
    Files.createFile(blocking.resolve("in-the-way"));
    HarnessFiles files = new HarnessFiles(results, "FooSimulation", Instant.now());

    boolean first = files.writeJson("onset.json", Map.of("elapsedSeconds", 11.1));
    List<Evidence.FileNotWritten> missing = files.notWritten();
    Files.delete(blocking.resolve("in-the-way"));
    Files.delete(blocking);
    boolean second = files.writeJson("onset.json", Map.of("elapsedSeconds", 11.1));

    assertThat(first).isFalse();
    assertThat(missing).singleElement().extracting(Evidence.FileNotWritten::path).asString().endsWith("harness/onset.json");
    assertThat(second).isTrue();
    assertThat(files.notWritten()).isEmpty();
    assertThat(harness.resolve("onset.json")).content().contains("11.1");
  }

  private static Histogram histogram(long... micros) {
    Histogram h = new Histogram(3);
    for (long value : micros) {
      h.recordValue(value);
    }
    return h;
  }
}
