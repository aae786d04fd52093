package lab.portexhaustion.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.portexhaustion.Plural;
import lab.portexhaustion.measure.IntervalSink;
import lab.portexhaustion.record.RecordJson;
import lab.portexhaustion.sampler.PortSample;
import lab.portexhaustion.sampler.PortsCsv;
import lab.portexhaustion.sampler.TotalsSample;
import lab.portexhaustion.verdict.Evidence;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The harness's files of one run, in {@code harness/} inside Gatling's run folder. Gatling names
 * that folder itself and creates it just after the simulation is built, so it is looked up on
 * first use; samples and seconds taken before it exists wait in memory. {@code ports.csv} and
 * {@code requests.hlog} are appended row by row ({@link RowFile}), so a killed run keeps its samples and
 * its latencies up to its last whole second; the JSON files are written whole or not at all.
 *
 * <p>A file that cannot be written (a full disk, a folder not writable) is said once, with its path and the OS's
 * cause, and kept in {@link #notWritten()} for the verdict: a row file is not tried again, as rows after a gap would
 * be a record with a hole in it.
 */
final class HarnessFiles implements AutoCloseable, IntervalSink {

  private static final Logger LOG = LoggerFactory.getLogger(HarnessFiles.class);
  static final String FOLDER = "harness";
  static final String PORTS = "ports.csv";
  static final String HLOG = "requests.hlog";
  private static final int WARM_UP_ROWS = 5_000;

  private final Path resultsRoot;
  private final String simulation;
  private final Instant startedAt;
  private final ObjectMapper json = RecordJson.writer();
  private final CsvMapper csv = new CsvMapper();
  private final List<PortSample> pending = new ArrayList<>();
  private final List<Second> pendingIntervals = new ArrayList<>();
  private final Map<String, Evidence.FileNotWritten> notWritten = new LinkedHashMap<>();
  // A row file's rows are made in memory, then appended whole.
  private final StringWriter portsText = new StringWriter();
  private final ByteArrayOutputStream hlogBytes = new ByteArrayOutputStream();
  private Path folder;
  private boolean folderLookupFailed;
  private RowFile portsFile;
  private PortsCsv.Appender portsRows;
  private RowFile hlogFile;
  private PrintStream hlogText;
  private HistogramLogWriter hlog;

  /** One second of OK latencies waiting for the run folder. */
  private record Second(long second, Histogram okLatencyMicros) {}

  /** How a whole file is tried: once, or with the descriptor reserve's help. */
  @FunctionalInterface
  private interface Attempts {
    void run(DescriptorReserve.Write write) throws IOException;
  }

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
        if (!folderLookupFailed) {
          folderLookupFailed = true;
          LOG.warn("cannot look for the run folder under {}: {}", resultsRoot.toAbsolutePath(), WriteCause.of(e));
        }
      }
    }
    return Optional.ofNullable(folder);
  }

  /** Appends a sample to {@code ports.csv}, with the ones that waited for the run folder. */
  synchronized void appendSample(PortSample sample) {
    if (notWritten.containsKey(PORTS)) {
      return;
    }
    pending.add(sample);
    if (folder().isEmpty()) {
      return;
    }
    try {
      if (portsFile == null) {
        Files.createDirectories(folder);
        portsFile = new RowFile(folder.resolve(PORTS));
        portsRows = new PortsCsv.Appender(portsText);
      }
      for (PortSample row : pending) {
        portsRows.append(row);
      }
      portsRows.flush();
      portsFile.append(portsText.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      failed(PORTS, e);
    } finally {
      pending.clear();
      portsText.getBuffer().setLength(0);
    }
  }

  /**
   * Appends one second of OK latencies to {@code requests.hlog}, a standard HdrHistogram interval log: its StartTime
   * and BaseTime are the run's start, each interval is stamped with its second of the run, [second, second + 1),
   * values are microseconds and the log's max column milliseconds.
   */
  @Override
  public synchronized void interval(long second, Histogram okLatencyMicros) {
    if (notWritten.containsKey(HLOG)) {
      return;
    }
    pendingIntervals.add(new Second(second, okLatencyMicros.copy()));
    if (folder().isEmpty()) {
      return;
    }
    try {
      if (hlogFile == null) {
        Files.createDirectories(folder);
        hlogFile = new RowFile(folder.resolve(HLOG));
        hlogText = new PrintStream(hlogBytes, false, StandardCharsets.UTF_8);
        hlog = new HistogramLogWriter(hlogText);
        hlog.outputLogFormatVersion();
        hlog.outputComment("OK latencies of " + simulation + ", one interval per second of the run, values in microseconds");
        hlog.outputStartTime(startedAt.toEpochMilli());
        hlog.outputBaseTime(startedAt.toEpochMilli());
        hlog.outputLegend();
      }
      for (Second s : pendingIntervals) {
        hlog.outputIntervalHistogram(s.second(), s.second() + 1, s.okLatencyMicros(), 1_000.0); // max column in ms
      }
      hlogText.flush();
      hlogFile.append(hlogBytes.toByteArray());
    } catch (IOException e) {
      failed(HLOG, e);
    } finally {
      pendingIntervals.clear();
      hlogBytes.reset();
    }
  }

  /** Writes {@code name} as JSON, complete or not at all; false when the run folder is not there (yet) or the write failed. */
  synchronized boolean writeJson(String name, Object value) {
    return writeWhole(name, () -> json.writeValueAsBytes(value), DescriptorReserve.Write::run);
  }

  /**
   * As {@link #writeJson(String, Object)}, when descriptors may have run out: the JSON is made in memory first, then
   * each try at the file gets a descriptor from {@code reserve}, just before it.
   */
  synchronized boolean writeJson(String name, Object value, DescriptorReserve reserve) {
    return writeWhole(name, () -> json.writeValueAsBytes(value), reserve::write);
  }

  /** Writes {@code rows} as a CSV file with a header, complete or not at all. */
  synchronized <T> boolean writeCsv(String name, Class<T> type, List<T> rows) {
    return writeWhole(name, () -> csv.writer(csv.schemaFor(type).withHeader()).writeValueAsBytes(rows), DescriptorReserve.Write::run);
  }

  /** Content made before any file is touched. */
  @FunctionalInterface
  private interface Content {
    byte[] make() throws IOException;
  }

  private boolean writeWhole(String name, Content content, Attempts attempts) {
    Optional<Path> dir = folder();
    if (dir.isEmpty()) {
      return false;
    }
    try {
      byte[] bytes = content.make();
      attempts.run(() -> RunFolder.writeAtomically(dir.get().resolve(name), bytes));
    } catch (IOException e) {
      failed(name, e);
      return false;
    }
    Evidence.FileNotWritten before = notWritten.remove(name);
    if (before != null) {
      LOG.info("{} written after all", before.path());
    }
    return true;
  }

  /** Says once per file that it could not be written, and why; the verdict hears of it through {@link #notWritten()}. */
  private void failed(String name, IOException e) {
    Path path = (folder == null ? resultsRoot : folder).resolve(name).toAbsolutePath();
    Evidence.FileNotWritten failure = new Evidence.FileNotWritten(path.toString(), WriteCause.of(e));
    if (notWritten.putIfAbsent(name, failure) == null) {
      LOG.error("cannot write {}: {}", failure.path(), failure.cause());
    }
  }

  /** The results files that could not be written whole, each once, with its cause; empty when every one was. */
  synchronized List<Evidence.FileNotWritten> notWritten() {
    return List.copyOf(notWritten.values());
  }

  @Override
  public synchronized void close() {
    closeRows(portsFile, PORTS);
    closeRows(hlogFile, HLOG);
    if (!pending.isEmpty() || !pendingIntervals.isEmpty()) {
      Path expected = resultsRoot.resolve(simulation.toLowerCase() + "-*").resolve(FOLDER).toAbsolutePath();
      Evidence.FileNotWritten missing = new Evidence.FileNotWritten(expected.toString(), String.format(
          "no Gatling run folder appeared, so %d port %s and %d %s of latencies were not written", pending.size(),
          Plural.of(pending.size(), "sample"), pendingIntervals.size(), Plural.of(pendingIntervals.size(), "second")));
      notWritten.putIfAbsent(FOLDER, missing);
      LOG.error("cannot write {}: {}", missing.path(), missing.cause());
    }
  }

  private void closeRows(RowFile file, String name) {
    if (file == null) {
      return;
    }
    try {
      file.close();
    } catch (IOException e) {
      failed(name, e);
    }
  }
}
