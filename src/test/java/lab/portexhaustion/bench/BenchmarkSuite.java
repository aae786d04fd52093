package lab.portexhaustion.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import lab.portexhaustion.config.Scenario;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;

/**
 * {@code scripts/bench}: the harness against bare baselines, side by side in one run, each side of a
 * throughput line on an empty embedded server of its own. Prints the table and writes it to
 * {@code results/benchmarks/}.
 *
 * <p>Options: {@code --repetitions N} (3), {@code --seconds N} per throughput repetition (30),
 * {@code --concurrency N} (8), {@code --lines sampler,pooled,...} (all).
 */
public final class BenchmarkSuite {

  private BenchmarkSuite() {}

  /** The lines in the order they run; churn last, as both churn lines leave the port range full of TIME_WAIT. */
  enum Line {
    SAMPLER("sampler"), SAMPLER_FILTERED("sampler-filtered"), POOLED("pooled"), CLIENT_PER_REQUEST("client-per-request"),
    CHURN("churn"), END_TO_END("end-to-end");

    final String optionName;

    Line(String optionName) {
      this.optionName = optionName;
    }
  }

  /** What measures one line (or one group of lines). */
  private interface Measurement {
    List<BenchmarkLine> measure() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    List<BenchmarkLine> lines = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    if (options.runs(Line.SAMPLER)) {
      SamplerLines sampler = new SamplerLines(Math.max(options.repetitions(), 5), 60);
      measure("sampler at 10,000 sockets", () -> sampler.measure(10_000, false), lines, failures);
      measure("sampler at 30,000 sockets", () -> sampler.measure(30_000, true), lines, failures);
    }
    if (options.runs(Line.SAMPLER_FILTERED)) {
      measure("sampler at 100,000 host sockets, kernel-filtered", () -> new FilteredSampleLine(Math.max(options.repetitions(), 21))
          .measure(), lines, failures);
    }
    ThroughputLine throughput = new ThroughputLine(options.concurrency(), options.seconds(), options.repetitions());
    if (options.runs(Line.POOLED)) {
      measure("pooled operations", () -> List.of(throughput.atLeast("pooled operations (pooled)", Scenario.POOLED, 0.9)),
          lines, failures);
    }
    if (options.runs(Line.CLIENT_PER_REQUEST)) {
      measure("client per request", () -> List.of(throughput.forInformation("client per request", Scenario.CLIENT_PER_REQUEST,
          "no target in the issue: every request sets up and tears down a client and its connections, so both sides are"
              + " bound by the kernel and the spread is wide")), lines, failures);
    }
    if (options.runs(Line.CHURN)) {
      measure("connection churn", () -> List.of(throughput.atLeast("connection churn (raw-socket)", Scenario.RAW_SOCKET, 0.9)),
          lines, failures);
    }
    if (options.runs(Line.END_TO_END)) {
      measure("end to end: mvn gatling:test", () -> EndToEndLine.measure(Path.of("").toAbsolutePath()), lines, failures);
    }
    StringBuilder table = new StringBuilder(BenchmarkTable.render("Port Exhaustion Lab: benchmarks, " + LocalDate.now(), machine(),
        lines));
    failures.forEach(f -> table.append("- **failed**: ").append(f).append('\n'));
    if (!throughput.costs().isEmpty()) {
      table.append('\n').append(RequestCostTable.render(throughput.costs()));
    }
    System.out.println();
    System.out.println(table);
    Path file = write(table.toString());
    System.out.println("written to " + file);
    if (!failures.isEmpty()) {
      System.exit(1);
    }
  }

  /** Runs one measurement; a failure is printed and kept for the table, and the other lines still run. */
  private static void measure(String title, Measurement measurement, List<BenchmarkLine> lines, List<String> failures) {
    System.out.println("== " + title);
    try {
      lines.addAll(measurement.measure());
    } catch (Exception e) {
      System.out.println("  " + title + " failed: " + e.getMessage());
      failures.add(title + ": " + e.getMessage().lines().findFirst().orElse(e.toString()));
    }
  }

  private static String machine() {
    CentralProcessor cpu = new SystemInfo().getHardware().getProcessor();
    return String.format("%s, %d logical cores, %s %s, Java %s", cpu.getProcessorIdentifier().getName().trim(),
        cpu.getLogicalProcessorCount(), System.getProperty("os.name"), System.getProperty("os.version"),
        System.getProperty("java.version"));
  }

  /** Written beside and moved in, so results/ never holds half a table. */
  private static Path write(String table) throws Exception {
    Path folder = Path.of(System.getProperty("portexhaustionlab.resultsFolder", "results")).resolve("benchmarks");
    Files.createDirectories(folder);
    Path file = folder.resolve("benchmark-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.writeString(partial, table, StandardCharsets.UTF_8);
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  /** The command line, checked before anything runs. */
  record Options(int repetitions, int seconds, int concurrency, Set<Line> lines) {

    boolean runs(Line line) {
      return lines.contains(line);
    }

    static Options parse(String[] args) {
      int repetitions = 3;
      int seconds = 30;
      int concurrency = 8;
      Set<Line> lines = EnumSet.allOf(Line.class);
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--repetitions" -> repetitions = number(args, ++i, 1, 20);
          case "--seconds" -> seconds = number(args, ++i, 10, 300);
          case "--concurrency" -> concurrency = number(args, ++i, 1, 256);
          case "--lines" -> lines = lines(args, ++i);
          default -> fail("unknown option '" + args[i] + "'");
        }
      }
      return new Options(repetitions, seconds, concurrency, lines);
    }

    private static int number(String[] args, int i, int min, int max) {
      if (i >= args.length || !args[i].matches("\\d+") || Integer.parseInt(args[i]) < min || Integer.parseInt(args[i]) > max) {
        fail("'" + args[i - 1] + "' needs a whole number from " + min + " to " + max);
      }
      return Integer.parseInt(args[i]);
    }

    private static Set<Line> lines(String[] args, int i) {
      if (i >= args.length) {
        fail("'--lines' needs a comma-separated list");
      }
      Set<Line> lines = EnumSet.noneOf(Line.class);
      for (String name : args[i].split(",")) {
        Arrays.stream(Line.values()).filter(l -> l.optionName.equals(name.trim())).findFirst()
            .ifPresentOrElse(lines::add, () -> fail("'--lines' has no line '" + name.trim() + "'"));
      }
      return lines;
    }

    private static void fail(String problem) {
      System.err.println("bench: " + problem + ". Options: --repetitions N (1-20), --seconds N (10-300), --concurrency N (1-256),"
          + " --lines " + Arrays.stream(Line.values()).map(l -> l.optionName).collect(Collectors.joining(",")) + " (all by default).");
      System.exit(2);
    }
  }
}
