package lab.portexhaustion.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which settings file a run reads. The file {@code -D}{@value #PROPERTY} names was asked for, so it must be there: one
 * that is missing, a folder or unreadable is refused, not passed over to run on the defaults. Without it,
 * {@value #DEFAULT_NAME} in the project folder is read when there is one.
 *
 * <p>The project folder is {@code -D}{@value #PROJECT_DIR_PROPERTY}, which the pom gives the gatling-maven-plugin's
 * fork: the fork runs in the folder {@code mvn} was started in, which need not be the project's ({@code mvn -f}).
 * Without it (Gatling started in a test's JVM or by hand, a user's project that does not pass it) it is the current
 * folder.
 */
final class SettingsFile {

  static final String PROPERTY = "harness.config";
  static final String DEFAULT_NAME = "harness.conf";
  static final String PROJECT_DIR_PROPERTY = "harness.projectDir";

  private SettingsFile() {}

  /**
   * The settings file {@code system} (this JVM's system properties) names.
   *
   * @throws InvalidSettingsException when {@code -Dharness.config} names no file this JVM can read
   */
  static Path of(Map<?, ?> system) {
    refuseUnknownOfOurs(system);
    Object named = system.get(PROPERTY);
    if (named == null) {
      return projectFolder(system).resolve(DEFAULT_NAME);
    }
    Path file = Path.of(String.valueOf(named).strip());
    whyUnusable(String.valueOf(named), file).ifPresent(why -> {
      throw new InvalidSettingsException(List.of("Setting '" + PROPERTY + "' names the settings file '" + named + "'" + why
          + ". Give the path of a readable HOCON file (a relative path is taken from the current folder), or leave out -D"
          + PROPERTY + " to read the project folder's " + DEFAULT_NAME + " when there is one."));
    });
    return file;
  }

  /**
   * A mistyped {@code -Dharness.confg=...} would leave the file unread without a word: the harness's own properties are
   * two, and any other name under {@code harness.} is refused with the one meant.
   */
  private static void refuseUnknownOfOurs(Map<?, ?> system) {
    List<String> ours = List.of(PROPERTY, PROJECT_DIR_PROPERTY);
    List<String> problems = system.keySet().stream().map(String::valueOf)
        .filter(name -> name.startsWith("harness.") && !ours.contains(name))
        .sorted()
        .map(name -> "Unknown setting '-D" + name + "': the harness reads two properties of its own, " + PROPERTY + " (the"
            + " settings file) and " + PROJECT_DIR_PROPERTY + " (the project folder, which the pom sets)."
            + KeySuggestion.sentence(KeySuggestion.nearest(name, ours, KeySuggestion.MAX_KEY_DISTANCE)))
        .toList();
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
  }

  private static Path projectFolder(Map<?, ?> system) {
    Object folder = system.get(PROJECT_DIR_PROPERTY);
    return Path.of(folder == null ? "" : String.valueOf(folder).strip());
  }

  private static Optional<String> whyUnusable(String named, Path file) {
    if (named.isBlank()) {
      return Optional.of(", which is no path at all");
    }
    String where = file.isAbsolute() ? "" : " (" + file.toAbsolutePath() + ")";
    if (Files.isDirectory(file)) {
      return Optional.of(where + ", which is a folder, not a file");
    }
    if (!Files.exists(file)) {
      return Optional.of(where + ", which does not exist");
    }
    if (!Files.isRegularFile(file)) {
      return Optional.of(where + ", which is not a regular file");
    }
    if (!Files.isReadable(file)) {
      return Optional.of(where + ", which this user cannot read (check its permissions)");
    }
    return Optional.empty();
  }
}
