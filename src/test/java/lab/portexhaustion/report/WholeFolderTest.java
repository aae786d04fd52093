package lab.portexhaustion.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WholeFolderTest {

  private static final String BEFORE = "{\"before\": true}";

  /**
   * A TERM (or Ctrl-C) while a comparison is written, as happens when a simulation's JVM is interrupted during its
   * verdict: the half-written folder goes with the JVM, and the comparison written before stays whole.
   */
  @Test
  void aSignalWhileTheFolderIsWrittenLeavesNoPartialFolder(@TempDir Path results) throws Exception {
    Process java = writing(comparisonWrittenBefore(results), "signal");
    try (BufferedReader output = new BufferedReader(new InputStreamReader(java.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(output.readLine()).isEqualTo("writing");
      java.destroy(); // TERM
      assertThat(java.waitFor(30, TimeUnit.SECONDS)).as("ended by its TERM").isTrue();
    } finally {
      java.destroyForcibly();
    }

    assertThat(results.resolve("comparison.partial")).doesNotExist();
    assertThat(results.resolve("comparison/comparison.json")).hasContent(BEFORE);
  }

  /**
   * A write that goes on while the JVM ends (its hook has deleted the half-written folder meanwhile) replaces nothing:
   * swapped in, the folder written before would have gone to its ".old" and the deleted one not come.
   */
  @Test
  void aWriteThatFinishesWhileTheJvmEndsLeavesTheFolderWrittenBefore(@TempDir Path results) throws Exception {
    Process java = writing(comparisonWrittenBefore(results), "ending");
    try {
      assertThat(java.waitFor(30, TimeUnit.SECONDS)).as("ended by its own exit").isTrue();
    } finally {
      java.destroyForcibly();
    }

    assertThat(results.resolve("comparison.partial")).doesNotExist();
    assertThat(results.resolve("comparison/comparison.json")).hasContent(BEFORE);
  }

  private static Path comparisonWrittenBefore(Path results) throws IOException {
    Path target = results.resolve("comparison");
    Files.createDirectories(target);
    Files.writeString(target.resolve("comparison.json"), BEFORE);
    return target;
  }

  /** A JVM of its own writing {@code target} as {@link WholeFolderWritingMain}'s {@code how} says. */
  private static Process writing(Path target, String how) throws IOException {
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), WholeFolderWritingMain.class.getName(), target.toString(), how)
        .redirectErrorStream(true).start();
  }
}
