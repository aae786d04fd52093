package lab.portexhaustion.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import lab.portexhaustion.record.RecordJson;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes a merge of runs ({@code scripts/compare --merge}) to a folder: merged.json, merged.md and requests.hlog (the
 * merged seconds' OK latencies, the same format as a run's). Built beside the old folder and swapped in whole; runs
 * against different targets are refused ({@link MergeTarget}) before anything is written.
 */
public final class MergeWriter {

  private static final ObjectMapper JSON = RecordJson.writer();
  private static final Set<String> MERGE_FILES = Set.of("merged.json", "merged.md", "requests.hlog");

  private MergeWriter() {}

  /**
   * Merges the finished run folders {@code runFolders} into {@code target}; refuses them, with nothing written, when they
   * went to different targets or when {@code target} is something a merge must not replace.
   */
  public static MergedRuns write(List<Path> runFolders, Path target) throws IOException {
    requireReplaceable(target, runFolders);
    List<RunResults> runs = new ArrayList<>();
    for (Path folder : runFolders) {
      runs.add(RunResults.loadWithoutSamples(folder));
    }
    MergeTarget.requireOne(runs);
    List<String> names = RunMerger.names(runFolders);
    return WholeFolder.write(target, folder -> writeInto(folder, names, runs));
  }

  /**
   * The merge replaces {@code target} whole, so it must be nothing or an earlier merge: never a file, a folder of
   * anything else (a slip such as {@code --out results} would delete every run), nor a folder holding a run it merges.
   */
  private static void requireReplaceable(Path target, List<Path> runFolders) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    for (Path run : runFolders) {
      if (run.toAbsolutePath().normalize().startsWith(absolute)) {
        throw refused(target, "holds the run '" + run + "' being merged");
      }
    }
    if (!Files.exists(target)) {
      return;
    }
    if (!Files.isDirectory(target)) {
      throw refused(target, "is a file");
    }
    try (Stream<Path> entries = Files.list(target)) {
      List<String> names = entries.map(e -> e.getFileName().toString()).sorted().toList();
      if (!MERGE_FILES.containsAll(names)) {
        throw refused(target, "holds what no merge writes (" + String.join(", ", names.subList(0, Math.min(3, names.size())))
            + (names.size() > 3 ? " and " + (names.size() - 3) + " more" : "") + ")");
      }
    }
  }

  private static CompareCommand.UsageException refused(Path target, String why) {
    return new CompareCommand.UsageException("--out '" + target + "' " + why + "; a merge replaces its folder whole, so it"
        + " writes only to a new folder, an empty one or an earlier merge's (merged.json, merged.md, requests.hlog)."
        + " Give another --out; nothing was written or deleted.");
  }

  private static MergedRuns writeInto(Path partial, List<String> names, List<RunResults> runs) throws IOException {
    MergedRuns merged;
    try (PrintStream out = new PrintStream(new BufferedOutputStream(Files.newOutputStream(partial.resolve("requests.hlog"))), false,
        StandardCharsets.UTF_8)) {
      HistogramLogWriter hlog = new HistogramLogWriter(out);
      merged = RunMerger.merge(names, runs, new RunMerger.MergedIntervals() {
        @Override
        public void start(long firstEpochSecond) {
          hlog.outputLogFormatVersion();
          hlog.outputComment("OK latencies of " + runs.size() + " merged runs, one interval per wall-clock second, values in microseconds");
          hlog.outputStartTime(firstEpochSecond * 1000);
          hlog.outputBaseTime(firstEpochSecond * 1000);
          hlog.outputLegend();
        }

        @Override
        public void interval(long second, Histogram okLatencyMicros) {
          hlog.outputIntervalHistogram(second, second + 1, okLatencyMicros, 1_000.0); // max column in ms
        }
      });
      if (out.checkError()) {
        throw new IOException("could not write " + partial.resolve("requests.hlog"));
      }
    }
    Files.write(partial.resolve("merged.json"), JSON.writeValueAsBytes(merged));
    Files.writeString(partial.resolve("merged.md"), MergeMarkdown.render(merged), StandardCharsets.UTF_8);
    return merged;
  }
}
