package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowFileTest {

  @TempDir
  Path folder;

  @Test
  void anAppendFromAnInterruptedThreadIsWrittenAndTheFileStaysOpen() throws Exception {
    Path path = folder.resolve("ports.csv");
    try (RowFile file = new RowFile(path)) {
      file.append(bytes("first\n"));
      Thread.currentThread().interrupt();
      try {
        file.append(bytes("while interrupted\n"));
      } finally {
        assertThat(Thread.interrupted()).as("the interrupt is left for its owner").isTrue();
      }
      file.append(bytes("after\n"));
    }
    assertThat(Files.readString(path)).isEqualTo("first\nwhile interrupted\nafter\n");
  }

  @Test
  void anExistingFileIsStartedAfresh() throws Exception {
    Path path = folder.resolve("requests.hlog");
    Files.writeString(path, "an older run's rows\n");
    try (RowFile file = new RowFile(path)) {
      file.append(bytes("new\n"));
    }
    assertThat(Files.readString(path)).isEqualTo("new\n");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
