package lab.portexhaustion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folders tests make outside JUnit's temporary ones (under results/, a browser profile), removed when they are done. */
public final class TestFolders {

  private TestFolders() {}

  /** Removes {@code folder} and all it holds; nothing when it is not there. */
  public static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
