package lab.portexhaustion.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import lab.portexhaustion.config.ConfigName;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.measure.SecondStats;
import lab.portexhaustion.record.RunConditions;
import lab.portexhaustion.record.RunSummary;
import lab.portexhaustion.sampler.PortSample;
import lab.portexhaustion.sampler.PortsCsv;

/** One finished run as its files describe it: the summary, the conditions and both time series. */
public record RunResults(Path folder, RunSummary summary, RunConditions conditions, List<PortSample> ports,
    List<SecondStats> requests) {

  private static final CsvMapper CSV = (CsvMapper) new CsvMapper().enable(CsvParser.Feature.EMPTY_STRING_AS_NULL)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** The family of scenarios a run belongs to: its comparison. */
  Scenario.Family family() {
    return ConfigName.parse(Scenario.class, summary.label()).map(Scenario::family).orElse(Scenario.Family.PORTS);
  }

  /** True when {@code folder} holds a finished harness run (its summary exists). */
  public static boolean isRun(Path folder) {
    return Files.isRegularFile(folder.resolve("harness/summary.json"));
  }

  public static RunResults load(Path folder) throws IOException {
    Path harness = folder.resolve("harness");
    RunSummary summary = RunFileReader.read(harness.resolve("summary.json"), RunSummary.class);
    RunConditions conditions = RunFileReader.read(harness.resolve("conditions.json"), RunConditions.class);
    return new RunResults(folder, summary, conditions, PortsCsv.readAll(harness.resolve("ports.csv")),
        csv(harness.resolve("requests.csv"), SecondStats.class));
  }

  /**
   * As {@link #load}, without the samples: a merge of long runs goes through each run's ports.csv once with
   * {@link #eachSample} instead of holding it (a 12-hour run has some 475,000 rows).
   */
  public static RunResults loadWithoutSamples(Path folder) throws IOException {
    Path harness = folder.resolve("harness");
    RunSummary summary = RunFileReader.read(harness.resolve("summary.json"), RunSummary.class);
    RunConditions conditions = RunFileReader.read(harness.resolve("conditions.json"), RunConditions.class);
    return new RunResults(folder, summary, conditions, List.of(), csv(harness.resolve("requests.csv"), SecondStats.class));
  }

  /** Hands each row of the run's ports.csv to {@code sample}, in order, holding one at a time. */
  void eachSample(Consumer<PortSample> sample) throws IOException {
    PortsCsv.read(folder.resolve("harness/ports.csv"), sample);
  }

  /** Rows matched to fields by the file's own header, not by position. */
  private static <T> List<T> csv(Path file, Class<T> type) throws IOException {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try (MappingIterator<T> rows = CSV.readerFor(type).with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
      return rows.readAll();
    }
  }
}
