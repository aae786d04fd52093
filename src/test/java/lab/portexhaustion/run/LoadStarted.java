package lab.portexhaustion.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Whether a run under a results folder has begun its load: its harness folder holds {@code ports.csv}, written with
 * the first sample. Tests that act on a running load wait for it here.
 */
final class LoadStarted {

  private LoadStarted() {}

  /**
   * True once some run under {@code results} has its {@code ports.csv}. A file renamed or removed while the folder is
   * walked (the harness writes {@code conditions.json} as a {@code .partial} file and renames it, just before the
   * first sample) reads as "not yet", not as an error.
   */
  static boolean under(Path results) throws IOException {
    try (Stream<Path> files = Files.walk(results)) {
      return files.anyMatch(f -> f.getFileName().toString().equals("ports.csv"));
    } catch (NoSuchFileException e) {
      return false;
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof NoSuchFileException) {
        return false;
      }
      throw e;
    }
  }

  /** Waits until {@link #under} is true, looking every 100 ms. */
  static void await(Path results, Duration limit) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (!under(results)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no run under " + results + " began its load within " + limit.toSeconds() + " s");
      }
      Thread.sleep(100);
    }
  }
}
