package lab.portexhaustion.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A folder of the report written whole or not at all: its files go into {@code <name>.partial} beside it, which is
 * swapped in once every file is written and deleted when one is not, so that a reader never finds half a comparison
 * or half a merge.
 */
final class WholeFolder {

  /** What goes into the folder; returns what it wrote. */
  @FunctionalInterface
  interface Content<T> {
    T writeInto(Path folder) throws IOException;
  }

  private WholeFolder() {}

  /**
   * Writes {@code content} into {@code target}, replacing what {@code target} held only once all of it is written. A
   * signal that ends the JVM meanwhile (Ctrl-C, TERM during a simulation's verdict) runs the shutdown hooks, not this
   * method's catch: a hook deletes the half-written folder then, and a JVM already ending writes nothing and replaces
   * nothing, so that the folder written before stays whole.
   */
  static <T> T write(Path target, Content<T> content) throws IOException {
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    Thread leftBehind = new Thread(() -> deleteQuietly(partial), "delete-" + partial.getFileName());
    try {
      Runtime.getRuntime().addShutdownHook(leftBehind);
    } catch (IllegalStateException shuttingDown) {
      throw ending(target);
    }
    T written;
    try {
      deleteRecursively(partial);
      Files.createDirectories(partial);
      written = content.writeInto(partial);
    } catch (IOException | RuntimeException e) {
      if (removeHook(leftBehind)) {
        deleteRecursively(partial);
      }
      throw e;
    }
    if (!removeHook(leftBehind)) {
      throw ending(target); // the hook is deleting the folder, or has: swapping it in would lose both
    }
    Path old = target.resolveSibling(target.getFileName() + ".old");
    deleteRecursively(old);
    if (Files.exists(target)) {
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    deleteRecursively(old);
    return written;
  }

  private static IOException ending(Path target) {
    return new IOException(target + " not written: the JVM is ending (a signal), and what it held before stays");
  }

  /** False when the JVM is ending: the hook runs then, and deletes the folder. */
  private static boolean removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
      return true;
    } catch (IllegalStateException shuttingDown) {
      return false;
    }
  }

  /** In a shutdown hook, where there is no one to throw to; the writing thread may still add a file, so it is tried again. */
  private static void deleteQuietly(Path folder) {
    for (int attempt = 0; attempt < 3 && Files.exists(folder); attempt++) {
      try {
        deleteRecursively(folder);
      } catch (IOException | UncheckedIOException e) {
        // a file added meanwhile: the next attempt takes it
      }
    }
  }

  static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
