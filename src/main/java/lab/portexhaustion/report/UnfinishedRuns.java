package lab.portexhaustion.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The runs under a results folder that started but ended without a summary: the harness wrote their
 * {@code conditions.json} at the start, and no {@code summary.json} at the end (Ctrl-C, a kill, a crash, the watchdog,
 * a disk that refused the summary, or a run still going in another build).
 * Left unsaid, a comparison of "the newest run of each simulation" would quietly show an older run in their place, or
 * leave the simulation out; {@link #notes} says which.
 */
final class UnfinishedRuns {

  private UnfinishedRuns() {}

  /**
   * One line for each simulation whose newest run under {@code resultsRoot} did not finish: which finished run of it
   * {@code compared} holds instead, or that it has none there.
   */
  static List<String> notes(Path resultsRoot, List<Path> compared) throws IOException {
    Map<String, Path> comparedBySimulation = compared.stream()
        .collect(Collectors.toMap(RunFolders::simulationKey, Function.identity(), (a, b) -> b));
    List<String> notes = new ArrayList<>();
    for (Path unfinished : newestUnfinishedPerSimulation(resultsRoot)) {
      Optional<Path> instead = Optional.ofNullable(comparedBySimulation.get(RunFolders.simulationKey(unfinished)));
      if (instead.isPresent() && name(instead.get()).compareTo(name(unfinished)) > 0) {
        continue;
      }
      notes.add("compare: " + unfinished + " has no summary (harness/conditions.json but no summary.json: interrupted,"
          + " crashed, ended by the watchdog, its summary not written, or still running), so "
          + instead.map(run -> "an older run, " + run + ", is compared in its place.")
              .orElse("its simulation is left out of the comparison: it has no finished run."));
    }
    return notes;
  }

  private static List<Path> newestUnfinishedPerSimulation(Path resultsRoot) throws IOException {
    return List.copyOf(RunFolders.newestPerSimulation(RunFolders.under(resultsRoot,
        folder -> Files.isRegularFile(folder.resolve("harness/conditions.json")) && !RunResults.isRun(folder))).values());
  }

  /** The folder's name: Gatling's timestamp in it sorts runs of one simulation oldest first. */
  private static String name(Path folder) {
    return folder.getFileName().toString();
  }
}
