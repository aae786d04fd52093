package lab.portexhaustion.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings file -Dharness.config names must be there; harness.conf, in the project folder, may be missing. */
class SettingsFileTest {

  @TempDir
  Path dir;

  private String refusal(String named) {
    InvalidSettingsException e = catchThrowableOfType(InvalidSettingsException.class,
        () -> SettingsFile.of(Map.of(SettingsFile.PROPERTY, named)));
    assertThat(e).as("-Dharness.config=" + named + " refused").isNotNull();
    assertThat(e.problems()).hasSize(1);
    return e.problems().get(0);
  }

  @Test
  void aNamedFileThatExistsIsRead() throws IOException {
    Path file = Files.writeString(dir.resolve("mine.conf"), "load.peakRate = 7\n");

    assertThat(SettingsFile.of(Map.of(SettingsFile.PROPERTY, file.toString()))).isEqualTo(file);
  }

  @Test
  void aMistypedPropertyOfTheHarnessIsRefusedWithTheOneMeant() {
    InvalidSettingsException e = catchThrowableOfType(InvalidSettingsException.class,
        () -> SettingsFile.of(Map.of("harness.confg", "mine.conf", "harness.projectdir", "/p", "java.version", "17")));

    assertThat(e).isNotNull();
    assertThat(e.problems()).containsExactly(
        "Unknown setting '-Dharness.confg': the harness reads two properties of its own, harness.config (the settings file) and"
            + " harness.projectDir (the project folder, which the pom sets). Did you mean 'harness.config'?",
        "Unknown setting '-Dharness.projectdir': the harness reads two properties of its own, harness.config (the settings file)"
            + " and harness.projectDir (the project folder, which the pom sets). Did you mean 'harness.projectDir'?");
  }

  @Test
  void aNamedFileThatDoesNotExistIsRefusedWithItsPathAndWhatToDo() {
    Path missing = dir.resolve("nope.conf");

    assertThat(refusal(missing.toString())).contains("Setting 'harness.config'", "'" + missing + "'", "does not exist",
        "Give the path of a readable HOCON file", "leave out -Dharness.config");
  }

  @Test
  void aRelativeNameIsShownWithTheFolderItWasLookedFor() {
    assertThat(refusal("no-such-dir/nope.conf")).contains("'no-such-dir/nope.conf' (" + Path.of("no-such-dir/nope.conf").toAbsolutePath()
        + "), which does not exist");
  }

  @Test
  void aFolderIsRefused() {
    assertThat(refusal(dir.toString())).contains("'" + dir + "'", "which is a folder, not a file");
  }

  @Test
  void anEmptyNameIsRefused() {
    assertThat(refusal(" ")).contains("Setting 'harness.config'", "no path at all");
  }

  @Test
  void aFileThisUserCannotReadIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("secret.conf"), "load.peakRate = 7\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("-w-------"));
    assumeFalse(Files.isReadable(file), "this user reads any file (root)");

    assertThat(refusal(file.toString())).contains("'" + file + "'", "cannot read");
  }

  @Test
  void withoutTheProjectFolderHarnessConfIsTheCurrentFoldersOne() {
    assertThat(SettingsFile.of(Map.of())).isEqualTo(Path.of(SettingsFile.DEFAULT_NAME));
  }

  @Test
  void harnessConfIsTheProjectFoldersWhateverTheCurrentFolder() {
    assertThat(SettingsFile.of(Map.of(SettingsFile.PROJECT_DIR_PROPERTY, dir.toString()))).isEqualTo(dir.resolve("harness.conf"));
  }

  @Test
  void aMissingHarnessConfInTheProjectFolderLeavesTheDefaults() {
    Path file = SettingsFile.of(Map.of(SettingsFile.PROJECT_DIR_PROPERTY, dir.toString()));

    assertThat(SettingsLoader.load(Map.of(), file).load().peakRate()).isEqualTo(100);
  }

  @Test
  void theProjectFoldersHarnessConfIsReadAndItsUnknownKeysRefused() throws IOException {
    Files.writeString(dir.resolve("harness.conf"), "load.peakRtae = 7\n");
    Path file = SettingsFile.of(Map.of(SettingsFile.PROJECT_DIR_PROPERTY, dir.toString()));

    InvalidSettingsException e = catchThrowableOfType(InvalidSettingsException.class, () -> SettingsLoader.load(Map.of(), file));

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("load.peakRtae", dir.resolve("harness.conf").toString(), "Did you mean 'load.peakRate'?");
  }

  @Test
  void aNamedFileIsNotLookedForInTheProjectFolder() throws IOException {
    Path file = Files.writeString(dir.resolve("mine.conf"), "load.peakRate = 7\n");
    Map<String, String> system = Map.of(SettingsFile.PROJECT_DIR_PROPERTY, "/nowhere", SettingsFile.PROPERTY, file.toString());

    assertThat(SettingsFile.of(system)).isEqualTo(file);
  }
}
