package lab.portexhaustion.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.sampler.PortSample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The harness's files of one run, in {@code harness/} inside Gatling's run folder. Gatling names
 * that folder itself and creates it just after the simulation is built, so it is looked up on
 * first use; samples taken before it exists wait in memory. {@code ports.csv} is flushed row by
 * row, so a killed run keeps its samples; the JSON files are written whole or not at all.
 */
final class HarnessFiles implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HarnessFiles.class);
  static final String FOLDER = "harness";
  private static final int WARM_UP_ROWS = 5_000;

  private final Path resultsRoot;
  private final String simulation;
  private final Instant startedAt;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final CsvMapper csv = new CsvMapper();
  private final List<PortSample> pending = new ArrayList<>();
  private Path folder;
  private SequenceWriter portsCsv;

  HarnessFiles(Path resultsRoot, String simulation, Instant startedAt) {
    this.resultsRoot = resultsRoot;
    this.simulation = simulation;
    this.startedAt = startedAt;
  }

  /**
   * Writes made-up rows of {@code ports.csv} to nowhere until Jackson's CSV path is compiled. The sampler writes a
   * row every 100 ms from the first second of the run; code not yet compiled costs it several times as much, and the
   * ramp, the part of the run that matters most, would pay for it.
   */
  static void warmUp() {
    CsvMapper mapper = new CsvMapper();
    try (SequenceWriter rows = mapper.writer(mapper.schemaFor(PortSample.class).withHeader()).writeValues(Writer.nullWriter())) {
      for (int i = 0; i < WARM_UP_ROWS; i++) {
        rows.write(PortSample.totals(i, i, i, 1000, i, 1024));
      }
    } catch (IOException e) {
      LOG.debug("warming up the CSV writer: {}", e.toString()); // nothing was to be written
    }
  }

  /** The harness folder, once Gatling's run folder exists. */
  synchronized Optional<Path> folder() {
    if (folder == null) {
      try {
        RunFolder.find(resultsRoot, simulation, startedAt).ifPresent(run -> folder = run.resolve(FOLDER));
      } catch (IOException e) {
        LOG.warn("cannot look for the run folder under {}: {}", resultsRoot, e.toString());
      }
    }
    return Optional.ofNullable(folder);
  }

  synchronized void appendSample(PortSample sample) {
    pending.add(sample);
    if (folder().isEmpty()) {
      return;
    }
    try {
      if (portsCsv == null) {
        Files.createDirectories(folder);
        CsvSchema schema = csv.schemaFor(PortSample.class).withHeader();
        portsCsv = csv.writer(schema).writeValues(Files.newBufferedWriter(folder.resolve("ports.csv")));
      }
      for (PortSample row : pending) {
        portsCsv.write(row);
      }
      portsCsv.flush();
      pending.clear();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write ports.csv", e);
    }
  }

  /** Writes {@code name} as JSON, complete or not at all; false when the run folder is not there (yet). */
  synchronized boolean writeJson(String name, Object value) {
    Optional<Path> dir = folder();
    if (dir.isEmpty()) {
      return false;
    }
    try {
      RunFolder.writeAtomically(dir.get().resolve(name), json.writeValueAsBytes(value));
      return true;
    } catch (IOException e) {
      LOG.error("could not write {}: {}", name, e.toString());
      return false;
    }
  }

  /** Writes {@code rows} as a CSV file with a header, complete or not at all. */
  synchronized <T> boolean writeCsv(String name, Class<T> type, List<T> rows) {
    Optional<Path> dir = folder();
    if (dir.isEmpty()) {
      return false;
    }
    try {
      byte[] content = csv.writer(csv.schemaFor(type).withHeader()).writeValueAsBytes(rows);
      RunFolder.writeAtomically(dir.get().resolve(name), content);
      return true;
    } catch (IOException e) {
      LOG.error("could not write {}: {}", name, e.toString());
      return false;
    }
  }

  @Override
  public synchronized void close() {
    if (portsCsv != null) {
      try {
        portsCsv.close();
      } catch (IOException e) {
        LOG.warn("closing ports.csv: {}", e.toString());
      }
    }
    if (!pending.isEmpty()) {
      LOG.warn("no Gatling run folder for {} under {}: {} port samples not written", simulation, resultsRoot.toAbsolutePath(), pending.size());
    }
  }
}
