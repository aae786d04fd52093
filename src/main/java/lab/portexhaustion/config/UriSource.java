package lab.portexhaustion.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where this JVM's connection string comes from. {@code -Duri} puts it on the command line, which every user of the
 * machine can read ({@code ps}, {@code /proc/<pid>/cmdline}), and the gatling-maven-plugin copies it onto its forked
 * JVM's command line too. The environment variable {@value #URI_ENV}, or a file named by {@value #URI_FILE_ENV}, keeps
 * it off every command line: the fork inherits the environment, which only its own user can read.
 */
public final class UriSource {

  public static final String URI_ENV = "HARNESS_URI";
  public static final String URI_FILE_ENV = "HARNESS_URI_FILE";
  private static final String URI_KEY = "uri";
  private static final Logger LOG = LoggerFactory.getLogger(UriSource.class);

  private UriSource() {}

  /**
   * {@code system} with {@code uri} taken from {@code environment} when {@code -Duri} does not set it: an explicit
   * {@code -Duri} wins, as any {@code -D} wins over the settings file; an empty one (a CI job's {@code -Duri=${VAR}} whose
   * variable is not set) sets nothing. Both variables at once are refused.
   */
  static Map<Object, Object> withEnvironment(Map<?, ?> system, Map<String, String> environment) {
    Map<Object, Object> overrides = new HashMap<>(system);
    Optional<String> fromEnvironment = fromEnvironment(environment);
    if (fromEnvironment.isPresent() && (system.get(URI_KEY) == null || String.valueOf(system.get(URI_KEY)).isBlank())) {
      overrides.put(URI_KEY, fromEnvironment.get());
    }
    return overrides;
  }

  private static Optional<String> fromEnvironment(Map<String, String> environment) {
    Optional<String> value = Optional.ofNullable(environment.get(URI_ENV)).filter(v -> !v.isBlank());
    Optional<String> file = Optional.ofNullable(environment.get(URI_FILE_ENV)).filter(v -> !v.isBlank());
    if (value.isPresent() && file.isPresent()) {
      throw new InvalidSettingsException(List.of("Both " + URI_ENV + " and " + URI_FILE_ENV + " are set, so the connection"
          + " string is given twice. Keep one: " + URI_ENV + " holds the connection string, " + URI_FILE_ENV + " names a file that does."));
    }
    return value.isPresent() ? value : file.map(UriSource::read);
  }

  private static String read(String file) {
    String uri;
    try {
      uri = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
    } catch (IOException | RuntimeException e) {
      throw new InvalidSettingsException(List.of(URI_FILE_ENV + " names '" + file + "', which cannot be read (" + e
          + "). Name a readable file that holds the connection string, or pass it in " + URI_ENV + " instead."));
    }
    if (uri.isEmpty()) {
      throw new InvalidSettingsException(List.of(URI_FILE_ENV + " names '" + file + "', which is empty. Write the connection"
          + " string into it (mongodb://...), or pass it in " + URI_ENV + " instead."));
    }
    return uri;
  }

  /**
   * A one-line warning when a secret of {@code -Duri} (its password, a secret option's value: {@link UriRedaction}) is
   * among {@code arguments}, this JVM's command line; empty when none is (no secret, the URI from the environment, or
   * arguments this platform does not show).
   */
  static Optional<String> commandLineWarning(Map<?, ?> system, List<String> arguments) {
    // -Duri, and a scenario's own (-Dscenario.pooled.uri=...): any key that is a uri.
    List<String> secrets = system.entrySet().stream()
        .filter(entry -> String.valueOf(entry.getKey()).equals(URI_KEY) || String.valueOf(entry.getKey()).endsWith("." + URI_KEY))
        .flatMap(entry -> UriRedaction.secrets(String.valueOf(entry.getValue())).stream())
        .toList();
    if (secrets.stream().noneMatch(secret -> arguments.stream().anyMatch(argument -> argument.contains(secret)))) {
      return Optional.empty();
    }
    return Optional.of("A secret in -Duri or a scenario's uri (its password, or the value of authMechanismProperties or of an option named"
        + " ...Password) is on this JVM's command line (and on the mvn command that started it), where every user of this"
        + " machine can read it (ps, /proc/<pid>/cmdline). Pass the connection string in the environment variable " + URI_ENV
        + ", or in a file named by " + URI_FILE_ENV + ", instead (docs/settings.md).");
  }

  /** Logs {@link #commandLineWarning} for this JVM, whose arguments Linux and macOS show (elsewhere: no warning). */
  static void warnIfOnThisCommandLine(Map<?, ?> system) {
    List<String> arguments = ProcessHandle.current().info().arguments().map(List::of).orElse(List.of());
    commandLineWarning(system, arguments).ifPresent(LOG::warn);
  }
}
