package lab.portexhaustion.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
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

  /**
   * Waits until {@link #under} is true, looking every 100 ms; fails at once if {@code run} (the process or the thread
   * that makes the run) ends first, with what it ended with, instead of waiting out the limit for a load that cannot come.
   */
  static void await(Path results, Duration limit, CompletableFuture<?> run) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (!under(results)) {
      if (run.isDone()) {
        Object ended = run.handle((result, failure) -> failure == null ? result : failure).join();
        throw new AssertionError("the run ended before its load began: " + ended);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no run under " + results + " began its load within " + limit.toSeconds() + " s");
      }
      Thread.sleep(100);
    }
  }
}
