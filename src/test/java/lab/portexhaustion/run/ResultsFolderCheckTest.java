package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
}
