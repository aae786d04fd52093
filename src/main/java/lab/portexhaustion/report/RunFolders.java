package lab.portexhaustion.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The run folders Gatling makes under a results folder, {@code <simulation, lower case>-<timestamp>}: listed, and
 * grouped by simulation. The timestamp in the name sorts one simulation's runs oldest first.
 */
final class RunFolders {

  private RunFolders() {}

  /** The folders directly under {@code resultsRoot} that {@code kind} takes, in name order; none without the folder. */
  static List<Path> under(Path resultsRoot, Predicate<Path> kind) throws IOException {
    if (!Files.isDirectory(resultsRoot)) {
      return List.of();
    }
    try (Stream<Path> folders = Files.list(resultsRoot)) {
      return folders.filter(Files::isDirectory).filter(kind).sorted().toList();
    }
  }

  /** The newest of {@code folders} (in name order, as {@link #under} gives them) for each simulation, by its key. */
  static Map<String, Path> newestPerSimulation(List<Path> folders) {
    Map<String, Path> newest = new TreeMap<>();
    folders.forEach(folder -> newest.put(simulationKey(folder), folder)); // a later name is a newer run
    return newest;
  }

  /**
   * What the run folders of one simulation share: the folder's name without its timestamp ({@code pooledsimulation}).
   * Read from the name alone, so it serves runs without a summary too.
   */
  static String simulationKey(Path runFolder) {
    return runFolder.getFileName().toString().replaceFirst("-\\d+$", "");
  }
}
