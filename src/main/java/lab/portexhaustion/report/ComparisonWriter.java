package lab.portexhaustion.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.record.RecordJson;

/**
 * Writes {@code results/comparison/} (and {@code results/comparison-idle-connections/}): index.html
 * (with its assets), comparison.md, comparison.png and comparison.json. Each folder is built
 * beside the old one and swapped in whole, so it is never half-written.
 */
public final class ComparisonWriter {

  static final String FOLDER = "comparison";
  private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";
  private static final ObjectMapper JSON = RecordJson.writer();

  private ComparisonWriter() {}

  /**
   * Compares the given run folders and writes one comparison per family of scenarios among them:
   * {@code resultsRoot/comparison} for the churn scenarios, {@code resultsRoot/comparison-idle-connections}
   * for the idle-connection ones. Returns the folders written.
   */
  public static List<Path> write(List<Path> runFolders, Path resultsRoot) throws IOException {
    return write(runFolders, resultsRoot, Optional.empty());
  }

  /** As {@link #write(List, Path)}, with a trend over the earlier comparison.json files in {@code history}. */
  public static List<Path> write(List<Path> runFolders, Path resultsRoot, Optional<Path> history) throws IOException {
    return write(runFolders, resultsRoot, history, Optional.empty());
  }

  /**
   * As {@link #write(List, Path)}, by the run {@code reporting} as it ends, before Gatling writes that run's report:
   * linked as to come, where a run whose report is missing has no link.
   */
  public static List<Path> writeBeforeReport(List<Path> runFolders, Path resultsRoot, Path reporting) throws IOException {
    return write(runFolders, resultsRoot, Optional.empty(), Optional.of(reporting));
  }

  private static List<Path> write(List<Path> runFolders, Path resultsRoot, Optional<Path> history, Optional<Path> reportToCome)
      throws IOException {
    Map<Scenario.Family, List<RunResults>> byFamily = new EnumMap<>(Scenario.Family.class);
    for (Path folder : runFolders) {
      RunResults run = RunResults.load(folder);
      byFamily.computeIfAbsent(run.family(), f -> new ArrayList<>()).add(run);
    }
    List<Path> written = new ArrayList<>();
    for (Map.Entry<Scenario.Family, List<RunResults>> family : byFamily.entrySet()) {
      written.add(writeFamily(family.getKey(), family.getValue(), resultsRoot, history, reportToCome));
    }
    return written;
  }

  /** The comparison folder of {@code family}'s runs under {@code resultsRoot}, whether or not it is written yet. */
  public static Path folderOf(Path resultsRoot, Scenario.Family family) {
    return resultsRoot.resolve(folderName(family));
  }

  static String folderName(Scenario.Family family) {
    return family == Scenario.Family.PORTS ? FOLDER : FOLDER + "-" + family.configName();
  }

  private static Path writeFamily(Scenario.Family family, List<RunResults> runs, Path resultsRoot, Optional<Path> history,
      Optional<Path> reportToCome) throws IOException {
    Comparison comparison = ComparisonBuilder.build(family, runs, resultsRoot, reportToCome);
    List<RunResults> ordered = runs.stream().sorted(Comparator.comparing(r -> r.folder().getFileName().toString())).toList();
    ChartSeries charts = ChartSeries.of(family, ordered);
    Trend trend = history.isPresent() ? Trend.of(history.get(), comparison) : Trend.NONE;

    Path target = resultsRoot.resolve(folderName(family));
    return WholeFolder.write(target, folder -> {
      writeInto(folder, comparison, trend, charts);
      return target;
    });
  }

  private static void writeInto(Path partial, Comparison comparison, Trend trend, ChartSeries charts) throws IOException {
    Files.createDirectories(partial.resolve("assets"));
    Files.write(partial.resolve("comparison.json"), JSON.writeValueAsBytes(comparison));
    Files.writeString(partial.resolve("comparison.md"), MarkdownReport.render(comparison, trend, "comparison.png"), StandardCharsets.UTF_8);
    MainChartPng.write(charts, partial.resolve("comparison.png"));
    Files.writeString(partial.resolve("index.html"), HtmlReport.render(comparison, trend, charts), StandardCharsets.UTF_8);
    copyResource(UPLOT + "uPlot.iife.min.js", partial.resolve("assets/uPlot.iife.min.js"));
    copyResource(UPLOT + "uPlot.min.css", partial.resolve("assets/uPlot.min.css"));
    copyResource("/report/comparison.js", partial.resolve("assets/comparison.js"));
    copyResource("/report/comparison.css", partial.resolve("assets/comparison.css"));
  }

  /** The run folders under {@code resultsRoot} that belong to {@code batch}, i.e. one {@code mvn gatling:test}. */
  public static List<Path> runsOfBatch(Path resultsRoot, String batch) throws IOException {
    List<Path> runs = new ArrayList<>();
    for (Path folder : finishedRuns(resultsRoot)) {
      if (RunFileReader.batch(folder.resolve("harness/summary.json")).filter(batch::equals).isPresent()) {
        runs.add(folder);
      }
    }
    return runs;
  }

  /** The newest finished run of each simulation under {@code resultsRoot}. */
  public static List<Path> latestRunPerSimulation(Path resultsRoot) throws IOException {
    return List.copyOf(RunFolders.newestPerSimulation(finishedRuns(resultsRoot)).values());
  }

  private static List<Path> finishedRuns(Path resultsRoot) throws IOException {
    return RunFolders.under(resultsRoot, RunResults::isRun);
  }

  private static void copyResource(String resource, Path file) throws IOException {
    try (InputStream in = ComparisonWriter.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing resource " + resource);
      }
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

}
