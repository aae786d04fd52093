package lab.portexhaustion.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.Plural;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.process.ProgramFailure;
import lab.portexhaustion.record.GatlingLaunch;
import lab.portexhaustion.verdict.FleetVerdict;

/**
 * {@code scripts/compare}: writes a comparison of run folders, or merges them; {@link #USAGE} says how. Ends with
 * {@link ProcessExit.Code#COMPARE_FAILED} when a comparison was not written or a fleet verdict failed,
 * {@link ProcessExit.Code#INCONCLUSIVE} when a fleet verdict was inconclusive (a client's evidence was not whole), and
 * {@link ProcessExit.Code#COMPARE_USAGE} when the arguments give it nothing it can use (runs to merge that went to
 * different targets among them, which {@link MergeWriter} refuses before writing).
 */
public final class CompareCommand {

  static final String USAGE = """
      usage: scripts/compare [--history DIR] [RUN_FOLDER...]
             scripts/compare --merge [--out DIR] RUN_FOLDER...
      The first writes results/comparison/ (and results/comparison-idle-connections/ for those scenarios) from the run
      folders given, by default the newest finished run of each simulation under results/ (a newer run that did not
      finish is named); --history adds the trend of the comparison.json files kept in DIR (named <night>.json). The
      second merges the runs (a fleet's clients, all against one target: one host:port) into one in DIR, by default
      results/merged/, and exits 1 when the fleet verdict (a pool storm's) fails, 6 when it is inconclusive (a client's
      own evidence was not whole).""";

  private CompareCommand() {}

  /**
   * What the command line asks for.
   *
   * @param merge {@code --merge}: merge {@code runs} into {@code mergeFolder} instead of comparing them
   * @param history {@code --history}: the folder of earlier comparison.json files, for the trend
   * @param runs the run folders given, each a finished run
   */
  record Options(boolean merge, Path mergeFolder, Optional<Path> history, List<Path> runs) {

    /** Reads {@code args} as {@link #USAGE} gives them; {@code resultsRoot} holds the default merge folder. */
    static Options parse(String[] args, Path resultsRoot) {
      boolean merge = false;
      Path mergeFolder = resultsRoot.resolve("merged");
      Optional<Path> history = Optional.empty();
      List<Path> runs = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--merge" -> merge = true;
          case "--out" -> {
            if (i + 1 == args.length) {
              throw new UsageException("--out needs the folder to write the merge to.");
            }
            mergeFolder = Path.of(args[++i]);
          }
          case "--history" -> {
            if (i + 1 == args.length) {
              throw new UsageException("--history needs a folder of earlier comparison.json files (named <night>.json).");
            }
            if (!Files.isDirectory(Path.of(args[i + 1]))) {
              throw new UsageException("--history '" + args[i + 1] + "' is no folder" + (Files.exists(Path.of(args[i + 1])) ? "" : " (it"
                  + " does not exist)") + ": give the folder of earlier comparison.json files (named <night>.json), an empty one"
                  + " for the first night.");
            }
            history = Optional.of(Path.of(args[++i]));
          }
          default -> {
            Path folder = Path.of(args[i]);
            if (!RunResults.isRun(folder)) {
              throw new UsageException("'" + args[i] + "' is not a finished run folder (it has no harness/summary.json)."
                  + " Give folders such as results/pooledsimulation-20261125024739162, or none for the newest run of each simulation.");
            }
            runs.add(folder);
          }
        }
      }
      return new Options(merge, mergeFolder, history, List.copyOf(runs));
    }
  }

  /** Arguments the command cannot work with: the problem in one line, then {@link #USAGE}. */
  static final class UsageException extends ProgramFailure {

    UsageException(String problem) {
      super(ProcessExit.Code.COMPARE_USAGE, "compare: " + problem + "\n\n" + USAGE);
    }
  }

  public static void main(String[] args) throws IOException {
    if (List.of(args).equals(List.of("--help")) || List.of(args).equals(List.of("-h"))) {
      System.out.println(USAGE); // scripts/compare answers --help itself; this is for a project running the class directly
      ProcessExit.exit(ProcessExit.Code.DONE);
    }
    Path resultsRoot = GatlingLaunch.ofThisJvm().resultsFolder();
    ProcessExit.exit(ProcessExit.exitOnFailure(() -> run(Options.parse(args, resultsRoot), resultsRoot)));
  }

  /** Does what {@code options} ask, under {@code resultsRoot}; how the command ends. */
  static ProcessExit.Code run(Options options, Path resultsRoot) throws IOException {
    return options.merge() ? merge(options.runs(), options.mergeFolder()) : compare(options.runs(), options.history(), resultsRoot);
  }

  private static ProcessExit.Code compare(List<Path> given, Optional<Path> history, Path resultsRoot) throws IOException {
    requireDistinct(given, "the same run folder was given twice; a comparison shows each run once.");
    List<Path> runs = given.isEmpty() ? ComparisonWriter.latestRunPerSimulation(resultsRoot) : given;
    if (given.isEmpty()) {
      UnfinishedRuns.notes(resultsRoot, runs).forEach(System.out::println);
    }
    if (runs.isEmpty()) {
      throw new UsageException("no finished runs under " + resultsRoot.toAbsolutePath() + "; run mvn gatling:test first.");
    }
    List<Path> written = ComparisonWriter.write(runs, resultsRoot, history);
    System.out.println("compared " + runsText(runs.size()) + ": " + runs);
    for (Path folder : written) {
      System.out.println("comparison: " + folder.resolve("index.html") + " (and comparison.md, comparison.png, comparison.json)");
      if (!Files.isDirectory(folder)) {
        return ProcessExit.Code.COMPARE_FAILED;
      }
    }
    return ProcessExit.Code.DONE;
  }

  private static String runsText(int n) {
    return n + " " + Plural.of(n, "run");
  }

  private static void requireDistinct(List<Path> runs, String problem) {
    if (runs.stream().map(r -> r.toAbsolutePath().normalize()).distinct().count() < runs.size()) {
      throw new UsageException(problem);
    }
  }

  private static ProcessExit.Code merge(List<Path> runs, Path folder) throws IOException {
    if (runs.isEmpty()) {
      throw new UsageException("--merge needs the run folders to merge, e.g. results/fleet-*/client-*/pooledsimulation-*.");
    }
    requireDistinct(runs, "--merge was given the same run folder twice; each run can be counted only once.");
    for (Path run : runs) {
      if (!Files.isRegularFile(run.resolve("harness/requests.hlog"))) {
        throw new UsageException("'" + run + "' has no harness/requests.hlog: it was recorded by a harness older than the"
            + " merge, whose latencies cannot be merged exactly. Run it again to merge it.");
      }
    }
    MergedRuns merged = MergeWriter.write(runs, folder);
    System.out.println("merged " + runsText(runs.size()) + ": " + runs);
    System.out.print(MergeMarkdown.render(merged));
    System.out.println("merge: " + folder.resolve("merged.md") + " (and merged.json, requests.hlog)");
    return ending(merged.fleetVerdict());
  }

  /** How a merge written ends: by its fleet verdict, where it has one. */
  static ProcessExit.Code ending(Optional<FleetVerdict> fleetVerdict) {
    return fleetVerdict.map(verdict -> switch (verdict.status()) {
      case FAIL -> ProcessExit.Code.COMPARE_FAILED;
      case INCONCLUSIVE -> ProcessExit.Code.INCONCLUSIVE;
      case PASS, INFO -> ProcessExit.Code.DONE;
    }).orElse(ProcessExit.Code.DONE);
  }
}
