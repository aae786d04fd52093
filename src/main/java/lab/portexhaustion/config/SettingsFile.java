package lab.portexhaustion.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which settings file a run reads. The file {@code -D}{@value #PROPERTY} names was asked for, so it must be there: one
 * that is missing, a folder or unreadable is refused, not passed over to run on the defaults. Without it,
 * {@value #DEFAULT_NAME} is read when there is one.
 */
final class SettingsFile {

  static final String PROPERTY = "harness.config";
  static final String DEFAULT_NAME = "harness.conf";

  private SettingsFile() {}

  /**
   * The settings file {@code system} (this JVM's system properties) names.
   *
   * @throws InvalidSettingsException when {@code -Dharness.config} names no file this JVM can read
   */
  static Path of(Map<?, ?> system) {
    Object named = system.get(PROPERTY);
    if (named == null) {
      return Path.of(DEFAULT_NAME);
    }
    Path file = Path.of(String.valueOf(named).strip());
    whyUnusable(String.valueOf(named), file).ifPresent(why -> {
      throw new InvalidSettingsException(List.of("Setting '" + PROPERTY + "' names the settings file '" + named + "'" + why
          + ". Give the path of a readable HOCON file (a relative path is taken from the current folder), or leave out -D"
          + PROPERTY + " to read " + DEFAULT_NAME + " when there is one."));
    });
    return file;
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
