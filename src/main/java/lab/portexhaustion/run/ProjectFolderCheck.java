package lab.portexhaustion.run;

import java.util.List;
import java.util.Optional;
import lab.portexhaustion.process.ProcessExit;

/**
 * Checks the project folder before Gatling's JVM is forked. The pom hands the fork the folder as one of its JVM options
 * ({@code -Dharness.projectDir}, so that harness.conf is found wherever mvn starts), and the gatling-maven-plugin splits
 * its JVM options at commas: with a comma in the folder's path the rest of the path became the fork's main class, and
 * Gatling's JVM ended with "Could not find or load main class". pom.xml runs this in Maven's JVM (exec:java, in the
 * test-compile phase that {@code mvn gatling:test} runs first).
 */
public final class ProjectFolderCheck {

  private ProjectFolderCheck() {}

  /** {@code args}: the project folder. A path with a comma ends Maven's JVM as a setup failure, exit code 3. */
  public static void main(String[] args) {
    String folder = args.length < 1 ? "" : args[0];
    ProcessExit.exitOnFailure(() -> {
      problem(folder).ifPresent(problem -> {
        throw new SetupFailureException("Gatling", List.of(problem));
      });
      return null;
    });
  }

  /** Why Gatling's JVM cannot be given {@code folder} as a JVM option; empty when it can. */
  static Optional<String> problem(String folder) {
    if (!folder.contains(",")) {
      return Optional.empty();
    }
    return Optional.of(String.format("The project folder '%s' has a comma in its path. The pom gives Gatling's JVM the"
        + " project folder as a JVM option (-Dharness.projectDir, where harness.conf is read from), and the"
        + " gatling-maven-plugin splits its JVM options at commas, so Gatling's JVM would not start. Move the project to"
        + " a folder whose path has no comma.", folder));
  }
}
