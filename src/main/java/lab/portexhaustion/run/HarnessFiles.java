package lab.portexhaustion.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.measure.IntervalSink;
import lab.portexhaustion.record.RecordJson;
import lab.portexhaustion.sampler.PortSample;
import lab.portexhaustion.sampler.PortsCsv;
import lab.portexhaustion.sampler.TotalsSample;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The harness's files of one run, in {@code harness/} inside Gatling's run folder. Gatling names
 * that folder itself and creates it just after the simulation is built, so it is looked up on
 * first use; samples and seconds taken before it exists wait in memory. {@code ports.csv} and
 * {@code requests.hlog} are flushed row by row, so a killed run keeps its samples and its latencies
 * up to its last whole second; the JSON files are written whole or not at all.
 */
final class HarnessFiles implements AutoCloseable, IntervalSink {

  private static final Logger LOG = LoggerFactory.getLogger(HarnessFiles.class);
  static final String FOLDER = "harness";
  private static final int WARM_UP_ROWS = 5_000;

  private final Path resultsRoot;
  private final String simulation;
  private final Instant startedAt;
  private final ObjectMapper json = RecordJson.writer();
  private final CsvMapper csv = new CsvMapper();
  private final List<PortSample> pending = new ArrayList<>();
  private final List<Second> pendingIntervals = new ArrayList<>();
  private Path folder;
  private PortsCsv.Appender portsCsv;
  private PrintStream requestsHlog;
  private HistogramLogWriter hlog;

  /** One second of OK latencies waiting for the run folder. */
  private record Second(long second, Histogram okLatencyMicros) {}

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
    try (PortsCsv.Appender rows = new PortsCsv.Appender(Writer.nullWriter())) {
      for (int i = 0; i < WARM_UP_ROWS; i++) {
        rows.append(new TotalsSample(i, new PortSample.Totals(Optional.of((long) i), Optional.of((long) i), 1000,
            Optional.of(new PortSample.Descriptors(i, 1024))), Optional.empty()));
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
        portsCsv = new PortsCsv.Appender(Files.newBufferedWriter(folder.resolve("ports.csv")));
      }
      for (PortSample row : pending) {
        portsCsv.append(row);
      }
      portsCsv.flush();
      pending.clear();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write ports.csv", e);
    }
  }

  /**
   * Appends one second of OK latencies to {@code requests.hlog}, a standard HdrHistogram interval log: its StartTime
   * and BaseTime are the run's start, each interval is stamped with its second of the run, [second, second + 1),
   * values are microseconds and the log's max column milliseconds.
   */
  @Override
  public synchronized void interval(long second, Histogram okLatencyMicros) {
    pendingIntervals.add(new Second(second, okLatencyMicros.copy()));
    if (folder().isEmpty()) {
      return;
    }
    try {
      if (hlog == null) {
        Files.createDirectories(folder);
        requestsHlog = new PrintStream(new BufferedOutputStream(Files.newOutputStream(folder.resolve("requests.hlog"))), false,
            StandardCharsets.UTF_8);
        hlog = new HistogramLogWriter(requestsHlog);
        hlog.outputLogFormatVersion();
        hlog.outputComment("OK latencies of " + simulation + ", one interval per second of the run, values in microseconds");
        hlog.outputStartTime(startedAt.toEpochMilli());
        hlog.outputBaseTime(startedAt.toEpochMilli());
        hlog.outputLegend();
      }
      for (Second s : pendingIntervals) {
        hlog.outputIntervalHistogram(s.second(), s.second() + 1, s.okLatencyMicros(), 1_000.0); // max column in ms
      }
      requestsHlog.flush();
      pendingIntervals.clear();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write requests.hlog", e);
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
    if (requestsHlog != null) {
      requestsHlog.close();
    }
    if (!pending.isEmpty() || !pendingIntervals.isEmpty()) {
      LOG.warn("no Gatling run folder for {} under {}: {} port samples and {} seconds of latencies not written", simulation,
          resultsRoot.toAbsolutePath(), pending.size(), pendingIntervals.size());
    }
  }
}
