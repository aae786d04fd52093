package lab.portexhaustion.sampler;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import lab.portexhaustion.sampler.FullSample.PortsInUse;
import lab.portexhaustion.sampler.FullSample.TcpStates;
import lab.portexhaustion.sampler.PortSample.Descriptors;
import lab.portexhaustion.sampler.PortSample.ServerFigures;
import lab.portexhaustion.sampler.PortSample.Tier;
import lab.portexhaustion.sampler.PortSample.Totals;

/**
 * {@code harness/ports.csv}, one row per sample: its columns (results/README.md documents each), the writer and the
 * reader. A figure not known is an empty cell: the socket table's columns in a {@code totals} row, the server's for a
 * server that is not the harness's own process, a total the OS does not give. Rows are read by the file's own header,
 * so a file written before a column existed reads with that column empty.
 */
public final class PortsCsv {

  private static final List<Column> COLUMNS = List.of(
      new Column("elapsedMillis", PortSample::elapsedMillis),
      new Column("tier", s -> s.tier().label()),
      new Column("timeWaitTotal", s -> s.totals().timeWaitTotal().orElse(null)),
      new Column("tcpInUseTotal", s -> s.totals().tcpInUseTotal().orElse(null)),
      fullOnly("established", f -> f.towardTarget().established()),
      fullOnly("timeWait", f -> f.towardTarget().timeWait()),
      fullOnly("synSent", f -> f.towardTarget().synSent()),
      fullOnly("closeWait", f -> f.towardTarget().closeWait()),
      fullOnly("finWait1", f -> f.towardTarget().finWait1()),
      fullOnly("finWait2", f -> f.towardTarget().finWait2()),
      fullOnly("lastAck", f -> f.towardTarget().lastAck()),
      fullOnly("otherState", f -> f.towardTarget().otherState()),
      fullOnly("portsInUseTowardTarget", f -> f.ports().towardTarget()),
      fullOnly("portsInUseAnyDestination", f -> f.ports().anyDestination()),
      new Column("rangeSize", s -> s.totals().rangeSize()),
      fullOnly("utilisationPercent", f -> f.ports().utilisationPercent()),
      new Column("descriptorsOpen", s -> s.totals().descriptors().map(Descriptors::open).orElse(null)),
      new Column("descriptorsMax", s -> s.totals().descriptors().map(Descriptors::max).orElse(null)),
      new Column("serverDescriptorsOpen", s -> s.server().flatMap(ServerFigures::descriptors).map(Descriptors::open).orElse(null)),
      new Column("serverDescriptorsMax", s -> s.server().flatMap(ServerFigures::descriptors).map(Descriptors::max).orElse(null)),
      new Column("serverOpenConnections", s -> s.server().map(ServerFigures::openConnections).orElse(null)),
      new Column("serverAcceptFailures", s -> s.server().map(ServerFigures::acceptFailures).orElse(null)),
      new Column("full", s -> s instanceof FullSample));

  private static final CsvMapper CSV = (CsvMapper) new CsvMapper().enable(CsvParser.Feature.EMPTY_STRING_AS_NULL);
  private static final CsvSchema SCHEMA = schema();

  private PortsCsv() {}

  /** One column: its header and its cell of a sample, null for an empty cell. */
  private record Column(String name, Function<PortSample, Object> cell) {}

  private static Column fullOnly(String name, Function<FullSample, Object> cell) {
    return new Column(name, s -> s instanceof FullSample f ? cell.apply(f) : null);
  }

  private static CsvSchema schema() {
    CsvSchema.Builder schema = CsvSchema.builder();
    COLUMNS.forEach(c -> schema.addColumn(c.name()));
    return schema.build().withHeader();
  }

  /** Writes samples to {@code out}, the header first; each {@link #append} is flushed when the caller flushes. */
  public static final class Appender implements Closeable {

    private final SequenceWriter rows;
    private final Object[] cells = new Object[COLUMNS.size()];

    public Appender(Writer out) throws IOException {
      this.rows = CSV.writer(SCHEMA).writeValues(out);
    }

    public void append(PortSample sample) throws IOException {
      for (int i = 0; i < cells.length; i++) {
        cells[i] = COLUMNS.get(i).cell().apply(sample);
      }
      rows.write(cells);
    }

    public void flush() throws IOException {
      rows.flush();
    }

    @Override
    public void close() throws IOException {
      rows.close();
    }
  }

  /** Every row of {@code file}; none when it does not exist. */
  public static List<PortSample> readAll(Path file) throws IOException {
    List<PortSample> samples = new ArrayList<>();
    read(file, samples::add);
    return samples;
  }

  /** Hands each row of {@code file} to {@code sample}, in order, holding one at a time; none when it does not exist. */
  public static void read(Path file, Consumer<PortSample> sample) throws IOException {
    if (!Files.isRegularFile(file)) {
      return;
    }
    try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader())
        .readValues(file.toFile())) {
      while (rows.hasNext()) {
        sample.accept(sample(new Row(rows.next())));
      }
    }
  }

  private static PortSample sample(Row row) {
    long elapsed = row.count("elapsedMillis").orElseThrow(() -> new IllegalArgumentException("a row of ports.csv without elapsedMillis"));
    Tier tier = Tier.of(row.text("tier"));
    Totals totals = new Totals(row.count("timeWaitTotal"), row.count("tcpInUseTotal"), row.count("rangeSize").orElse(0L).intValue(),
        row.descriptors("descriptorsOpen", "descriptorsMax"));
    Optional<ServerFigures> server = row.count("serverOpenConnections").flatMap(open -> row.count("serverAcceptFailures").map(failures ->
        new ServerFigures(row.descriptors("serverDescriptorsOpen", "serverDescriptorsMax"), open.intValue(), failures)));
    if (tier == Tier.TOTALS) {
      return new TotalsSample(elapsed, totals, server);
    }
    TcpStates states = new TcpStates(row.cellCount("established"), row.cellCount("timeWait"), row.cellCount("synSent"),
        row.cellCount("closeWait"), row.cellCount("finWait1"), row.cellCount("finWait2"), row.cellCount("lastAck"),
        row.cellCount("otherState"));
    PortsInUse ports = new PortsInUse(row.cellCount("portsInUseTowardTarget"), row.cellCount("portsInUseAnyDestination"),
        row.decimal("utilisationPercent").orElse(0.0));
    return new FullSample(elapsed, tier, totals, states, ports, server);
  }

  /**
   * One row by its header's names; a cell that is empty, or a column the file does not have, is empty. So is a negative
   * count: files written before unknown was an empty cell spelled it -1, and no count of this file is below 0.
   */
  private record Row(Map<String, String> cells) {

    String text(String column) {
      return cells.getOrDefault(column, "");
    }

    Optional<Long> count(String column) {
      return cell(column).map(Long::valueOf).filter(n -> n >= 0);
    }

    /** A count a full row always has. */
    int cellCount(String column) {
      return count(column).orElse(0L).intValue();
    }

    Optional<Double> decimal(String column) {
      return cell(column).map(Double::valueOf);
    }

    Optional<Descriptors> descriptors(String open, String max) {
      return count(open).flatMap(o -> count(max).map(m -> new Descriptors(o, m)));
    }

    private Optional<String> cell(String column) {
      return Optional.ofNullable(cells.get(column)).filter(cell -> !cell.isEmpty());
    }
  }
}
