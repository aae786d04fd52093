package lab.portexhaustion.report;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link WholeFolder} that never finishes (bounded): one file, then "writing" on standard output, then a wait
 * for the signal that {@link WholeFolderTest} sends, as a simulation's JVM is interrupted while it writes the
 * comparison. A process of its own, since what is tested is what a JVM that a signal ends leaves on disk.
 */
public final class WholeFolderWritingMain {

  private WholeFolderWritingMain() {}

  public static void main(String[] args) throws Exception {
    WholeFolder.write(Path.of(args[0]), folder -> {
      Files.writeString(folder.resolve("comparison.json"), "{}");
      System.out.println("writing");
      System.out.flush();
      try {
        Thread.sleep(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return folder;
    });
  }
}
