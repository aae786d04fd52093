package lab.portexhaustion.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Whether the results folder takes a run's files, asked before the target starts: Gatling finds out only after the
 * harness started its target, and crashes with a stack trace and exit code 1. A byte is written and forced to the disk,
 * not only a file made: a full disk still makes an empty file (an inode, no block), and a run would then send its whole
 * load into a folder that takes none of its figures.
 */
final class ResultsFolderCheck {

  private ResultsFolderCheck() {}

  /** Why nothing can be written into {@code folder} (made if missing), or empty when a file could be; leaves nothing behind. */
  static Optional<String> whyNotWritable(Path folder) {
    try {
      Files.createDirectories(folder);
      Path probe = Files.createTempFile(folder, ".write-check-", "");
      try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
        channel.force(true);
      } finally {
        Files.delete(probe);
      }
      return Optional.empty();
    } catch (IOException | SecurityException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
      return Optional.of("The results folder '" + folder.toAbsolutePath() + "' cannot be written (" + reason + "): Gatling and the"
          + " harness write each run there. Make it writable, or name another with -Dgatling.resultsFolder=<folder>.");
    }
  }
}
