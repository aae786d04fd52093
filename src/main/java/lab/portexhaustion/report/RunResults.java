package lab.portexhaustion.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** One finished run as its files describe it: the summary, the conditions and both time series. */
public record RunResults(Path folder, RunSummary summary, RunConditions conditions, List<PortSample> ports,
    List<SecondStats> requests) {

  private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final CsvMapper CSV = (CsvMapper) new CsvMapper().enable(CsvParser.Feature.EMPTY_STRING_AS_NULL)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** The scenario a run's summary names; runs recorded before scenarios existed named only their strategy. */
  static String label(RunSummary summary) {
    return summary.scenario() != null ? summary.scenario() : summary.strategy();
  }

  /** The family of scenarios a run belongs to: its comparison. */
  Scenario.Family family() {
    return ConfigName.parse(Scenario.class, label(summary)).map(Scenario::family).orElse(Scenario.Family.PORTS);
  }

  /** True when {@code folder} holds a finished harness run (its summary exists). */
  public static boolean isRun(Path folder) {
    return Files.isRegularFile(folder.resolve("harness/summary.json"));
  }

  public static RunResults load(Path folder) throws IOException {
    Path harness = folder.resolve("harness");
    RunSummary summary = JSON.readValue(harness.resolve("summary.json").toFile(), RunSummary.class);
    RunConditions conditions = JSON.readValue(harness.resolve("conditions.json").toFile(), RunConditions.class);
    return new RunResults(folder, summary, conditions, csv(harness.resolve("ports.csv"), PortSample.class),
        csv(harness.resolve("requests.csv"), SecondStats.class));
  }

  /**
   * As {@link #load}, without the samples: a merge of long runs goes through each run's ports.csv once with
   * {@link #eachSample} instead of holding it (a 12-hour run has some 475,000 rows).
   */
  public static RunResults loadWithoutSamples(Path folder) throws IOException {
    Path harness = folder.resolve("harness");
    RunSummary summary = JSON.readValue(harness.resolve("summary.json").toFile(), RunSummary.class);
    RunConditions conditions = JSON.readValue(harness.resolve("conditions.json").toFile(), RunConditions.class);
    return new RunResults(folder, summary, conditions, List.of(), csv(harness.resolve("requests.csv"), SecondStats.class));
  }

  /** Hands each row of the run's ports.csv to {@code sample}, in order, holding one at a time. */
  void eachSample(Consumer<PortSample> sample) throws IOException {
    Path file = folder.resolve("harness/ports.csv");
    if (!Files.isRegularFile(file)) {
      return;
    }
    try (MappingIterator<PortSample> rows = CSV.readerFor(PortSample.class).with(CsvSchema.emptySchema().withHeader())
        .readValues(file.toFile())) {
      while (rows.hasNext()) {
        sample.accept(rows.next());
      }
    }
  }

  /**
   * Rows matched to fields by the file's own header, not by position: a run recorded before a column was added (the
   * server's columns of ports.csv) reads with that column empty.
   */
  private static <T> List<T> csv(Path file, Class<T> type) throws IOException {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try (MappingIterator<T> rows = CSV.readerFor(type).with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
      return rows.readAll();
    }
  }
}
