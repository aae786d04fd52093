package lab.portexhaustion.sampler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a {@code /proc} file whole. {@code Files.readString} trusts the file size, which procfs
 * reports as 0, and returns a truncated text; a stream read to its end does not.
 */
final class ProcFile {

  private ProcFile() {}

  static String read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }
}
