package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFolderCheckTest {

  @TempDir
  Path dir;

  @Test
  void aFolderThatTakesAFileIsWritableAndKeepsNothingOfTheCheck() throws IOException {
    Path results = dir.resolve("results");

    assertThat(ResultsFolderCheck.whyNotWritable(results)).isEmpty();
    try (var left = Files.list(results)) {
      assertThat(left).as("what the check left").isEmpty();
    }
  }

  @Test
  void aFileInTheWayIsNamedWithWhatToDo() throws IOException {
    Path file = Files.writeString(dir.resolve("results"), "not a folder");

    assertThat(ResultsFolderCheck.whyNotWritable(file)).hasValueSatisfying(problem -> assertThat(problem)
        .startsWith("The results folder '" + file + "' cannot be written (")
        .endsWith("name another with -Dgatling.resultsFolder=<folder>."));
  }

  @Test
  void aReadOnlyFolderIsRefused() throws IOException {
    assumeFalse("root".equals(System.getProperty("user.name")), "root writes into a read-only folder");
    Path readOnly = Files.createDirectories(dir.resolve("ro"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));

    assertThat(ResultsFolderCheck.whyNotWritable(readOnly)).hasValueSatisfying(p -> assertThat(p).contains("AccessDeniedException"));
  }

  /**
   * A full file system still makes an empty file; only a write finds it full. Checked in a mount namespace of its own, on
   * a 64 KB tmpfs filled to its last block there (the host's mounts are never touched); skipped where none can be made.
   */
  @Test
  void aFullFileSystemIsRefusedBeforeAnyLoad() throws Exception {
    List<String> command = new ArrayList<>("root".equals(System.getProperty("user.name")) ? List.of("unshare", "--mount")
        : List.of("unshare", "--user", "--map-root-user", "--mount"));
    String java = ProcessHandle.current().info().command().orElse("java");
    command.addAll(List.of("sh", "-c", "mount -t tmpfs -o size=64k tmpfs \"$0\" || exit 97;"
        + " dd if=/dev/zero of=\"$0/filler\" bs=4k 2>/dev/null; exec \"$@\"", dir.toString(),
        java, "-cp", System.getProperty("java.class.path"), ResultsFolderCheckMain.class.getName(), dir.resolve("results").toString()));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the check ends").isTrue();
    assumeTrue(child.exitValue() != 97, "this machine cannot make a mount namespace with a tmpfs");
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(output).as(output).startsWith("refused: The results folder '" + dir.resolve("results") + "' cannot be written (")
        .contains("No space left on device");
  }
}
