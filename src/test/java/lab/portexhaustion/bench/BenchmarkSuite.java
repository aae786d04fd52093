package lab.portexhaustion.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.target.EmbeddedMongoTarget;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;

/**
 * {@code scripts/bench}: the harness against bare baselines, side by side in one run, on one
 * embedded server. Prints the table and writes it to {@code results/benchmarks/}.
 *
 * <p>Options: {@code --repetitions N} (3), {@code --seconds N} per throughput repetition (15),
 * {@code --concurrency N} (8), {@code --skip-end-to-end}.
 */
public final class BenchmarkSuite {

  private BenchmarkSuite() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    List<BenchmarkLine> lines = new ArrayList<>();
    // The sampler first, while the socket table holds only its own sockets (the churn lines leave TIME_WAIT behind).
    SamplerLines sampler = new SamplerLines(Math.max(options.repetitions(), 5), 20);
    System.out.println("== sampler at 10,000 sockets");
    lines.addAll(sampler.measure(10_000, false));
    System.out.println("== sampler at 30,000 sockets");
    lines.addAll(sampler.measure(30_000, true));
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("benchmark")) {
      ThroughputLine throughput = new ThroughputLine(server.connectionString().getConnectionString(), options.concurrency(),
          options.seconds(), options.repetitions());
      System.out.println("== connection churn: raw-socket");
      lines.add(throughput.measure("connection churn (raw-socket)", Scenario.RAW_SOCKET, 0.9));
      System.out.println("== pooled operations");
      lines.add(throughput.measure("pooled operations (pooled)", Scenario.POOLED, 0.9));
      System.out.println("== client per request");
      lines.add(throughput.measure("client per request", Scenario.CLIENT_PER_REQUEST, 0.9));
    }
    if (!options.skipEndToEnd()) {
      System.out.println("== end to end: mvn gatling:test");
      lines.addAll(EndToEndLine.measure(Path.of("").toAbsolutePath()));
    }
    String table = BenchmarkTable.render("Port Exhaustion Lab: benchmarks, " + LocalDate.now(), machine(), lines);
    System.out.println();
    System.out.println(table);
    Path file = write(table);
    System.out.println("written to " + file);
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
  record Options(int repetitions, int seconds, int concurrency, boolean skipEndToEnd) {

    static Options parse(String[] args) {
      int repetitions = 3;
      int seconds = 15;
      int concurrency = 8;
      boolean skipEndToEnd = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--repetitions" -> repetitions = number(args, ++i, 1, 20);
          case "--seconds" -> seconds = number(args, ++i, 5, 120);
          case "--concurrency" -> concurrency = number(args, ++i, 1, 256);
          case "--skip-end-to-end" -> skipEndToEnd = true;
          default -> fail("unknown option '" + args[i] + "'");
        }
      }
      return new Options(repetitions, seconds, concurrency, skipEndToEnd);
    }

    private static int number(String[] args, int i, int min, int max) {
      if (i >= args.length || !args[i].matches("\\d+") || Integer.parseInt(args[i]) < min || Integer.parseInt(args[i]) > max) {
        fail("'" + args[i - 1] + "' needs a whole number from " + min + " to " + max);
      }
      return Integer.parseInt(args[i]);
    }

    private static void fail(String problem) {
      System.err.println("bench: " + problem + ". Options: --repetitions N (1-20), --seconds N (5-120), --concurrency N (1-256),"
          + " --skip-end-to-end.");
      System.exit(2);
    }
  }
}
