package lab.portexhaustion.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import lab.portexhaustion.record.GatlingLaunch;

/**
 * The folder Gatling writes one run to, {@code <results>/<simulation, lower case>-<timestamp>}.
 * Gatling does not expose its name to the simulation, so it is found after the run as the newest
 * such folder created since the run started.
 */
final class RunFolder {

  /** Gatling's own log of a run, in its run folder. */
  private static final String GATLING_LOG = "simulation.log";

  private RunFolder() {}

  static Optional<Path> find(Path resultsRoot, String simulationSimpleName, Instant startedAt) throws IOException {
    if (!Files.isDirectory(resultsRoot)) {
      return Optional.empty();
    }
    String prefix = simulationSimpleName.toLowerCase() + "-";
    Instant notBefore = startedAt.minusSeconds(2);
    try (Stream<Path> folders = Files.list(resultsRoot)) {
      return folders
          .filter(Files::isDirectory)
          .filter(p -> p.getFileName().toString().startsWith(prefix))
          .filter(p -> created(p).isAfter(notBefore))
          .max(Comparator.comparing(p -> p.getFileName().toString()));
    }
  }

  /**
   * Removes this JVM's run folder of {@code simulationSimpleName} when Gatling made it but nothing was written to it
   * (an empty {@code simulation.log} at most); anything else is left as it is. Quietly: it runs as the JVM ends.
   */
  static void removeUnused(String simulationSimpleName) {
    Instant jvmStarted = ProcessHandle.current().info().startInstant().orElse(Instant.now());
    try {
      Optional<Path> folder = find(GatlingLaunch.ofThisJvm().resultsFolder(), simulationSimpleName, jvmStarted);
      if (folder.isEmpty()) {
        return;
      }
      Path log = folder.get().resolve(GATLING_LOG);
      try (Stream<Path> entries = Files.list(folder.get())) {
        if (!entries.allMatch(entry -> entry.equals(log)) || Files.exists(log) && Files.size(log) > 0) {
          return;
        }
      }
      Files.deleteIfExists(log);
      Files.delete(folder.get());
    } catch (IOException e) {
      // Left behind: an empty folder is no reason to say more than the setup failure does.
    }
  }

  /**
   * Writes a file so that it is either absent or complete, never half-written: to a temporary name first, moved into
   * place once whole. A write that fails removes the temporary file, so a full disk leaves no {@code .partial} behind.
   * Needs one descriptor, for the temporary file.
   */
  static void writeAtomically(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try {
      Files.write(partial, content);
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException leftBehind) {
        e.addSuppressed(leftBehind);
      }
      throw e;
    }
  }

  private static Instant created(Path folder) {
    try {
      return Files.getLastModifiedTime(folder).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH;
    }
  }
}
