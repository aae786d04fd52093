package lab.portexhaustion.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code scripts/compare [--history DIR] [RUN_FOLDER...]}: writes results/comparison/ (and
 * results/comparison-idle-connections/ for those scenarios) from existing run folders, by default the newest run of each simulation under results/; with
 * {@code --history}, adds the trend of the comparison.json files kept in DIR.
 * {@code scripts/compare --merge [--out DIR] RUN_FOLDER...}: merges the runs into one (a fleet's clients) in DIR,
 * by default results/merged/; exits 1 when the fleet verdict (a pool storm's) fails.
 */
public final class CompareCommand {

  private CompareCommand() {}

  public static void main(String[] args) throws Exception {
    Path resultsRoot = Path.of(System.getProperty("portexhaustionlab.resultsFolder", "results"));
    List<Path> runs = new ArrayList<>();
    Optional<Path> history = Optional.empty();
    boolean merge = false;
    Path mergeFolder = resultsRoot.resolve("merged");
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--merge")) {
        merge = true;
        continue;
      }
      if (args[i].equals("--out")) {
        if (i + 1 == args.length) {
          System.err.println("compare: --out needs the folder to write the merge to.");
          System.exit(2);
        }
        mergeFolder = Path.of(args[++i]);
        continue;
      }
      if (args[i].equals("--history")) {
        if (i + 1 == args.length || !Files.isDirectory(Path.of(args[i + 1]))) {
          System.err.println("compare: --history needs a folder of earlier comparison.json files (named <night>.json).");
          System.exit(2);
        }
        history = Optional.of(Path.of(args[++i]));
        continue;
      }
      String arg = args[i];
      Path folder = Path.of(arg);
      if (!RunResults.isRun(folder)) {
        System.err.println("compare: '" + arg + "' is not a finished run folder (it has no harness/summary.json)."
            + " Give folders such as results/pooledsimulation-20261125024739162, or none for the newest run of each simulation.");
        System.exit(2);
      }
      runs.add(folder);
    }
    if (merge) {
      merge(runs, mergeFolder);
      return;
    }
    if (runs.isEmpty()) {
      runs = ComparisonWriter.latestRunPerSimulation(resultsRoot);
    }
    if (runs.isEmpty()) {
      System.err.println("compare: no finished runs under " + resultsRoot.toAbsolutePath() + "; run mvn gatling:test first.");
      System.exit(2);
    }
    List<Path> written = ComparisonWriter.write(runs, resultsRoot, history);
    System.out.println("compared " + runs.size() + " runs: " + runs);
    for (Path folder : written) {
      System.out.println("comparison: " + folder.resolve("index.html") + " (and comparison.md, comparison.png, comparison.json)");
      if (!Files.isDirectory(folder)) {
        System.exit(1);
      }
    }
  }

  private static void merge(List<Path> runs, Path folder) throws Exception {
    if (runs.isEmpty()) {
      System.err.println("compare: --merge needs the run folders to merge, e.g. results/fleet-*/client-*/pooledsimulation-*.");
      System.exit(2);
    }
    if (runs.stream().map(r -> r.toAbsolutePath().normalize()).distinct().count() < runs.size()) {
      System.err.println("compare: --merge was given the same run folder twice; each run can be counted only once.");
      System.exit(2);
    }
    for (Path run : runs) {
      if (!Files.isRegularFile(run.resolve("harness/requests.hlog"))) {
        System.err.println("compare: '" + run + "' has no harness/requests.hlog: it was recorded by a harness older than the"
            + " merge, whose latencies cannot be merged exactly. Run it again to merge it.");
        System.exit(2);
      }
    }
    MergedRuns merged = MergeWriter.write(runs, folder);
    System.out.println("merged " + runs.size() + " runs: " + runs);
    System.out.print(MergeMarkdown.render(merged));
    System.out.println("merge: " + folder.resolve("merged.md") + " (and merged.json, requests.hlog)");
    if (merged.fleetVerdict().filter(verdict -> !verdict.passed()).isPresent()) {
      System.exit(1);
    }
  }
}
