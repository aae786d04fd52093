package lab.portexhaustion.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import lab.portexhaustion.record.RecordJson;

/**
 * Onset and throughput of earlier comparisons next to this one: the nightly job keeps each
 * night's comparison.json as {@code <night>.json} in a folder it hands to {@code scripts/compare --history}.
 */
record Trend(List<Night> nights) {

  /** One earlier (or this) comparison: per simulation, onset time (empty: none) and mean throughput. */
  record Night(String name, List<Entry> entries) {}

  /**
   * One run of a night: its simulation, whose class name stays the same from night to night, and its column's name,
   * which need not (two runs of one simulation are named with their start times).
   */
  record Entry(String simulation, String column, Optional<Double> onsetSeconds, double meanPerSecond, String verdict) {}

  static final Trend NONE = new Trend(List.of());

  private static final ObjectMapper JSON = RecordJson.reader();

  /** The comparisons in {@code history} (oldest first, by file name), then {@code current} as "this run". */
  static Trend of(Path history, Comparison current) throws IOException {
    List<Night> nights = new ArrayList<>();
    try (Stream<Path> files = Files.list(history)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
        nights.add(night(file.getFileName().toString().replaceFirst("\\.json$", ""), read(file)));
      }
    }
    nights.add(night("this run", current));
    return new Trend(nights);
  }

  private static Comparison read(Path file) throws IOException {
    JsonNode tree;
    Comparison comparison;
    try {
      tree = JSON.readTree(file.toFile());
      comparison = JSON.treeToValue(tree, Comparison.class);
    } catch (JacksonException e) {
      throw notAComparison(file, e.getOriginalMessage());
    }
    // Any JSON object reads as a Comparison with nulls where its fields are missing (a summary.json copied in by mistake).
    if (comparison == null || comparison.table() == null) {
      throw notAComparison(file, "it has no 'table'");
    }
    for (int i = 0; i < comparison.table().size(); i++) {
      Comparison.Row row = comparison.table().get(i);
      if (row == null || row.simulation() == null || row.verdict() == null) {
        throw notAComparison(file, "a row of its 'table' has no 'simulation' or 'verdict'");
      }
      Optional<String> figure = trendFigure(tree.get("table").get(i), "its field 'table." + i);
      if (figure.isPresent()) {
        throw notAComparison(file, figure.get());
      }
    }
    return comparison;
  }

  /**
   * What is wrong with the figures of a row the trend shows, both written by every version: Jackson reads a missing
   * throughput as 0 and a text as its number, which the trend would show as measured.
   */
  private static Optional<String> trendFigure(JsonNode row, String field) {
    JsonNode onset = row.get("onset");
    return RecordNumbers.fraction(row.get("meanPerSecond"), field + ".meanPerSecond'", true)
        .or(() -> onset == null || onset.isNull() ? Optional.empty()
            : RecordNumbers.fraction(onset.get("elapsedSeconds"), field + ".onset.elapsedSeconds'", true));
  }

  private static CompareCommand.UsageException notAComparison(Path file, String why) {
    return new CompareCommand.UsageException("--history: '" + file + "' is not a comparison.json this version reads (" + why
        + "). Move it out of the folder, or give another; nothing was written.");
  }

  private static Night night(String name, Comparison comparison) {
    return new Night(name, comparison.table().stream()
        .map(r -> new Entry(r.simulation(), r.label(), r.onset().map(Comparison.Onset::elapsedSeconds), r.meanPerSecond(),
            r.verdict().replaceFirst("^VERDICT (\\w+) .*$", "$1")))
        .toList());
  }

  /** The trend as lines of text cells: night, then "onset / throughput" for each of {@code columns}. */
  List<List<String>> rows(List<Comparison.Row> columns) {
    List<List<String>> rows = new ArrayList<>();
    for (Night night : nights) {
      List<String> row = new ArrayList<>(List.of(night.name()));
      for (Comparison.Row column : columns) {
        row.add(entryFor(column, columns, night).map(e -> e.onsetSeconds().map(s -> String.format("onset %.1f s", s))
                .orElse("no onset") + String.format(", %.1f/s, %s", e.meanPerSecond(), e.verdict()))
            .orElse("-"));
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * The night's run for {@code column}: the one of its simulation where the night and the columns have one each; else
   * (a simulation run twice, before and after a change) the one of the same column name, or none.
   */
  private static Optional<Entry> entryFor(Comparison.Row column, List<Comparison.Row> columns, Night night) {
    List<Entry> ofSimulation = night.entries().stream().filter(e -> e.simulation().equals(column.simulation())).toList();
    long columnsOfSimulation = columns.stream().filter(c -> c.simulation().equals(column.simulation())).count();
    if (ofSimulation.size() == 1 && columnsOfSimulation == 1) {
      return Optional.of(ofSimulation.get(0));
    }
    return ofSimulation.stream().filter(e -> e.column().equals(column.label())).findFirst();
  }
}
