package lab.portexhaustion.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code scripts/compare [RUN_FOLDER...]}: writes results/comparison/ from existing run folders,
 * by default the newest run of each simulation under results/.
 */
public final class CompareCommand {

  private CompareCommand() {}

  public static void main(String[] args) throws Exception {
    Path resultsRoot = Path.of(System.getProperty("portexhaustionlab.resultsFolder", "results"));
    List<Path> runs = new ArrayList<>();
    for (String arg : args) {
      Path folder = Path.of(arg);
      if (!RunResults.isRun(folder)) {
        System.err.println("compare: '" + arg + "' is not a finished run folder (it has no harness/summary.json)."
            + " Give folders such as results/pooledsimulation-20261125024739162, or none for the newest run of each simulation.");
        System.exit(2);
      }
      runs.add(folder);
    }
    if (runs.isEmpty()) {
      runs = ComparisonWriter.latestRunPerSimulation(resultsRoot);
    }
    if (runs.isEmpty()) {
      System.err.println("compare: no finished runs under " + resultsRoot.toAbsolutePath() + "; run mvn gatling:test first.");
      System.exit(2);
    }
    Path written = ComparisonWriter.write(runs, resultsRoot);
    System.out.println("compared " + runs.size() + " runs: " + runs);
    System.out.println("comparison: " + written.resolve("index.html") + " (and comparison.md, comparison.png, comparison.json)");
    if (!Files.isDirectory(written)) {
      System.exit(1);
    }
  }
}
