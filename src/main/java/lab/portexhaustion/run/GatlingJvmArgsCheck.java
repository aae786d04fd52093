package lab.portexhaustion.run;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.process.ProcessExit;

/**
 * Checks {@code -Dgatling.jvmArgs} before Gatling's JVM is forked: the gatling-maven-plugin splits the value at commas
 * and answers an empty option (a comma at the start or the end, two in a row) with a bare NullPointerException and no
 * word of the setting. pom.xml runs this in Maven's JVM (exec:java, profile gatling-jvm-args, in the test-compile phase
 * that {@code mvn gatling:test} runs first) whenever the property is set.
 */
public final class GatlingJvmArgsCheck {

  private GatlingJvmArgsCheck() {}

  /** {@code args}: the value given to {@code -Dgatling.jvmArgs}. A value with an empty option ends Maven's JVM, exit code 3. */
  public static void main(String[] args) {
    String value = args.length < 1 ? "" : args[0];
    ProcessExit.exitOnFailure(() -> {
      problem(value).ifPresent(problem -> {
        throw new SetupFailureException("Gatling", List.of(problem));
      });
      return null;
    });
  }

  /** Why the plugin cannot start Gatling's JVM with {@code jvmArgs}; empty when it can (an empty value adds nothing). */
  static Optional<String> problem(String jvmArgs) {
    if (jvmArgs.isEmpty()) {
      return Optional.empty();
    }
    long empty = Arrays.stream(jvmArgs.split(",", -1)).filter(String::isBlank).count();
    if (empty == 0) {
      return Optional.empty();
    }
    return Optional.of(String.format("Setting '-Dgatling.jvmArgs' has the value '%s', with %s: the gatling-maven-plugin"
        + " splits it at commas and cannot start Gatling's JVM with an empty option. Remove the comma at its start or end,"
        + " or the second of two in a row, as in -Dgatling.jvmArgs=-Xmx4g,-XX:+UseZGC.", jvmArgs,
        empty == 1 ? "an empty option" : empty + " empty options"));
  }
}
