package lab.portexhaustion.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import lab.portexhaustion.TestFolders;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.measure.SecondStats;
import lab.portexhaustion.report.RunResults;

/**
 * A strategy's throughput through Gatling and the harness against a bare loop of the same
 * strategy, at the same concurrency, each side on an empty embedded server of its own ({@link FreshServer});
 * repetitions interleaved (bare, harness, floor, bare, harness, floor...) so that the machine's slow moments fall on
 * all three. The floor ({@link GatlingFloorSimulation}) is the bare loop's requests through Gatling alone: what no
 * request path through Gatling can beat, printed beside the line.
 */
final class ThroughputLine {

  // Both JVMs start cold and, on two cores shared with the server, take some 15 s to compile their hot paths (Gatling has
  // more to compile): the first half of each repetition is warm-up, so the figures compare steady states.
  private static final double WARMUP_SHARE = 0.5;

  private final int concurrency;
  private final int seconds;
  private final int repetitions;

  private final int warmupSeconds;
  private final List<RequestCostTable.Row> costs = new ArrayList<>();

  ThroughputLine(int concurrency, int seconds, int repetitions) {
    this.concurrency = concurrency;
    this.seconds = seconds;
    this.repetitions = repetitions;
    this.warmupSeconds = (int) Math.round(seconds * WARMUP_SHARE);
  }

  /** A line whose harness throughput must be at least {@code atLeast} times the bare loop's. */
  BenchmarkLine atLeast(String name, Scenario scenario, double atLeast) throws Exception {
    Measured m = measure(name, scenario);
    return BenchmarkLine.higherIsBetter(name, "requests/s", m.harness(), m.bare(), atLeast, m.note() + "; " + m.floorNote());
  }

  /** A line printed side by side without a target. */
  BenchmarkLine forInformation(String name, Scenario scenario, String why) throws Exception {
    Measured m = measure(name, scenario);
    return BenchmarkLine.forInformation(name, "requests/s", m.harness(), m.bare(), m.note() + "; " + m.floorNote() + "; " + why);
  }

  /** The cost per request of each side of each line measured so far, in the order measured. */
  List<RequestCostTable.Row> costs() {
    return List.copyOf(costs);
  }

  private record Measured(Spread harness, Spread bare, Spread floor, String note) {

    String floorNote() {
      return ThroughputLine.floorNote(harness, bare, floor);
    }
  }

  /** Gatling's floor beside the line: its own figures, its share of the bare loop's, and the harness's share of it. */
  static String floorNote(Spread harness, Spread bare, Spread floor) {
    return String.format("Gatling's floor (the bare loop's requests inline on an event loop per virtual user, logged to"
            + " Gatling's stats, no harness): %,.0f / %,.0f / %,.0f requests/s, %.2f of the bare loop; the harness %.2f of"
            + " the floor", floor.min(), floor.median(), floor.max(), floor.median() / bare.median(),
        harness.median() / floor.median());
  }

  /** One side of one repetition: its steady rate and what a request cost its JVM and the server over the same seconds. */
  private record Side(double perSecond, SideCounters.Cost cost) {}

  private Measured measure(String name, Scenario scenario) throws Exception {
    List<Side> bare = new ArrayList<>();
    List<Side> harness = new ArrayList<>();
    List<Side> floor = new ArrayList<>();
    for (int rep = 1; rep <= repetitions; rep++) {
      bare.add(FreshServer.run(uri -> bare(scenario, uri)));
      harness.add(FreshServer.run(uri -> harness(scenario, uri)));
      floor.add(FreshServer.run(uri -> floor(scenario, uri)));
      System.out.printf("  %s, repetition %d of %d, requests/s (voluntary switches/request): bare %s, harness %s, Gatling's floor %s%n",
          name, rep, repetitions, last(bare), last(harness), last(floor));
    }
    costs.add(row(name, "harness", harness));
    costs.add(row(name, "bare", bare));
    costs.add(row(name, "Gatling's floor", floor));
    return new Measured(Spread.of(rates(harness)), Spread.of(rates(bare)), Spread.of(rates(floor)), String.format(
        "concurrency %d, %d s per repetition (first %d s after the first request left out)", concurrency, seconds, warmupSeconds));
  }

  private static String last(List<Side> sides) {
    Side side = sides.get(sides.size() - 1);
    return String.format("%.0f (%.2f)", side.perSecond(), side.cost().jvm().voluntary());
  }

  private static List<Double> rates(List<Side> sides) {
    return sides.stream().map(Side::perSecond).toList();
  }

  private static RequestCostTable.Row row(String line, String side, List<Side> sides) {
    return new RequestCostTable.Row(line, side, rates(sides), sides.stream().map(Side::cost).toList());
  }

  /**
   * The steady seconds of a run whose second 0 began at {@code runStartEpochMillis}, with their cost; refused when any of
   * its requests failed in those seconds or after them, as a rate of requests that fail (fast, often) is no throughput
   * to compare, and one that ends where they began measures too little.
   */
  private Side side(String what, SideCounters counters, long runStartEpochMillis, List<Long> completedPerSecond,
      List<Long> failedPerSecond) throws Exception {
    SteadyRate.Window steady = SteadyRate.window(completedPerSecond, warmupSeconds);
    refuseFailures(what, steady, failedPerSecond);
    return new Side(steady.perSecond(), counters.cost(runStartEpochMillis + steady.fromSecond() * 1000L,
        runStartEpochMillis + steady.toSecond() * 1000L, steady.perSecond()));
  }

  private Side bare(Scenario scenario, String mongoUri) throws Exception {
    try (SideCounters counters = SideCounters.start()) {
      ChildJvm.Result result = ChildJvm.run(BareLoop.class.getName(), List.of(),
          List.of(scenario.name(), String.valueOf(concurrency), String.valueOf(seconds), mongoUri), seconds + 60L);
      return printedSide(counters, "bare loop", result);
    }
  }

  /** Gatling's floor: {@link GatlingFloorSimulation} with an event loop per virtual user, in a Gatling JVM of its own. */
  private Side floor(Scenario scenario, String mongoUri) throws Exception {
    return gatling("Gatling's floor", GatlingFloorSimulation.class, results -> List.of("bench.scenario=" + scenario.name(),
            "bench.concurrency=" + concurrency, "bench.seconds=" + seconds, "bench.uri=" + mongoUri,
            "io.netty.eventLoopThreads=" + concurrency),
        (counters, result, results) -> printedSide(counters, "Gatling's floor", result));
  }

  /** Throws when any of {@code what}'s requests failed from the first of its steady seconds on. */
  static void refuseFailures(String what, SteadyRate.Window steady, List<Long> failedPerSecond) {
    long failed = steady.sumFromStart(failedPerSecond);
    if (failed > 0) {
      throw new IllegalStateException(String.format("%s: %,d requests failed from second %d on (its steady seconds %d to %d:"
              + " %,.0f completed per second); a side whose requests fail cannot be compared. Failed per second: %s", what,
          failed, steady.fromSecond(), steady.fromSecond(), steady.toSecond() - 1, steady.perSecond(), failedPerSecond));
    }
  }

  /** A side that printed its completions and failures per second and its second 0 as {@link BareLoop} does. */
  private Side printedSide(SideCounters counters, String what, ChildJvm.Result result) throws Exception {
    long startedAt = Long.parseLong(printed(result, what, BareLoop.STARTED_AT_PREFIX));
    return side(what, counters, startedAt, printedCounts(result, what, BareLoop.OUTPUT_PREFIX),
        printedCounts(result, what, BareLoop.FAILED_PREFIX));
  }

  private static List<Long> printedCounts(ChildJvm.Result result, String what, String prefix) {
    return Arrays.stream(printed(result, what, prefix).split(",")).map(Long::parseLong).toList();
  }

  private static String printed(ChildJvm.Result result, String what, String prefix) {
    return result.output().lines().filter(l -> l.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new IllegalStateException(what + " printed no " + prefix.trim() + " (exit " + result.exitCode() + "):\n"
            + result.output()))
        .substring(prefix.length());
  }

  private Side harness(Scenario scenario, String mongoUri) throws Exception {
    return gatling("the harness", HarnessThroughputSimulation.class, results -> List.of("bench.scenario=" + scenario.name(),
            "bench.concurrency=" + concurrency, "bench.seconds=" + seconds, "target=uri", "uri=" + mongoUri,
            "cleanStart.maxDrainWait=0s", "verdict.enabled=off", "portexhaustionlab.resultsFolder=" + results),
        (counters, result, results) -> {
          RunResults run = RunResults.load(onlyRun(results));
          // requests.csv counts its seconds from the run's start, the summary's startedAt
          return side("the harness", counters, Instant.parse(run.summary().startedAt()).toEpochMilli(),
              perSecond(run, SecondStats::ok), perSecond(run, SecondStats::ko));
        });
  }

  /** How a Gatling side's figures are read once its JVM has ended: from what it printed, or from its results folder. */
  private interface GatlingSideReader {
    Side read(SideCounters counters, ChildJvm.Result result, Path results) throws Exception;
  }

  /**
   * Runs {@code simulation} in a Gatling JVM of its own with the system properties {@code properties} gives for the run's
   * results folder (a temporary one, deleted afterwards), and reads the side with {@code reader}.
   */
  private Side gatling(String what, Class<?> simulation, Function<Path, List<String>> properties, GatlingSideReader reader)
      throws Exception {
    Path results = Files.createTempDirectory("benchmark-side");
    try (SideCounters counters = SideCounters.start()) {
      ChildJvm.Result result = ChildJvm.run("io.gatling.app.Gatling",
          properties.apply(results),
          List.of("--simulation", simulation.getName(), "--results-folder", results.toString()), seconds + 120L);
      if (result.exitCode() != 0) {
        throw new IllegalStateException(what + " run failed (exit " + result.exitCode() + "):\n" + result.output());
      }
      return reader.read(counters, result, results);
    } finally {
      TestFolders.deleteRecursively(results);
    }
  }

  private static Path onlyRun(Path results) throws IOException {
    try (Stream<Path> folders = Files.list(results)) {
      return folders.filter(RunResults::isRun).findFirst().orElseThrow(() -> new IllegalStateException("no harness run in " + results));
    }
  }

  /** One count of each second of the run (0 for a second requests.csv has no row for). */
  private static List<Long> perSecond(RunResults run, ToLongFunction<SecondStats> count) {
    List<SecondStats> seconds = run.requests();
    Long[] counts = new Long[seconds.stream().mapToInt(s -> (int) s.second()).max().orElse(0) + 1];
    Arrays.fill(counts, 0L);
    seconds.forEach(s -> counts[(int) s.second()] = count.applyAsLong(s));
    return Arrays.asList(counts);
  }
}
