package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.target.EmbeddedMongoTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A connection string's password appears nowhere a run shows it: not on the console, not in results/, and, given the
 * way docs/settings.md names (HARNESS_URI), not on the command line of any process of a real mvn gatling:test either.
 * mongo-java-server has no authentication, so a run with credentials stops at the target probe: the path where a
 * driver error message would be most likely to carry the connection string.
 */
class UriPasswordEndToEndIT {

  private static final String PASSWORD = "Tr0ub4dor";
  private static final Duration MVN_LIMIT = Duration.ofMinutes(4);

  @TempDir
  Path results;

  /** The forms of the issue: a typo in the scheme, capitals, a leading blank, an unescaped '@' or '/' in the password. */
  @ParameterizedTest
  @ValueSource(strings = {"mongo://u:Tr0ub4dor@db.example/", "MONGODB://u:Tr0ub4dor@db.example/", " mongo://u:Tr0ub4dor@db.example/",
      "mongodb://u:Tr0ub@4dor@db.example/", "mongodb://u:Tr0ub/4dor@db.example/"})
  void aMistypedUriIsRefusedWithoutAPieceOfItsPassword(String uri) throws Exception {
    GatlingProcess.Result result = GatlingProcess.run("RawSocketSimulation", results, 120, "target=uri", "uri=" + uri);

    assertThat(result.exitCode()).as(result.output()).isEqualTo(ProcessExit.Code.SETUP_FAILED.status());
    assertThat(result.output()).contains("Setting 'uri' (", "u:****@db.example/").doesNotContain("Tr0ub", "4dor");
    assertNoPasswordIn(results);
  }

  @Test
  void fromHarnessUriThePasswordIsOnNoCommandLineNorConsoleNorResults() throws Exception {
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test")) {
      String uri = "mongodb://alice:" + PASSWORD + "@" + server.description().address() + "/?authSource=admin";

      MavenGatlingRun.Result run = MavenGatlingRun.run(Map.of("HARNESS_URI", uri), results.resolve("mvn.log"), MVN_LIMIT,
          "-Dgatling.simulationClass=RawSocketSimulation", "-Dgatling.resultsFolder=" + results.resolve("results"), "-Dtarget=uri",
          "-Dtimeouts.serverSelection=1s");

      assertThat(run.gatlingJvms()).as("the plugin's fork was seen running; %s%nmvn said:%n%s", run.seen(), run.output()).isNotEmpty();
      assertThat(run.output()).contains("did not start; no load was sent", "mongodb://alice:****@").doesNotContain(PASSWORD)
          .doesNotContain("A secret in -Duri");
      assertThat(run.commandLines()).noneMatch(commandLine -> commandLine.contains(PASSWORD));
      assertNoPasswordIn(results.resolve("results"));
    }
  }

  @Test
  void aPasswordInMinusDUriIsWarnedAboutOnTheConsoleWithoutBeingShown() throws Exception {
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test")) {
      String uri = "mongodb://alice:" + PASSWORD + "@" + server.description().address() + "/?authSource=admin";

      MavenGatlingRun.Result run = MavenGatlingRun.run(Map.of(), results.resolve("mvn.log"), MVN_LIMIT,
          "-Dgatling.simulationClass=RawSocketSimulation", "-Dgatling.resultsFolder=" + results.resolve("results"), "-Dtarget=uri",
          "-Dtimeouts.serverSelection=1s", "-Duri=" + uri);

      assertThat(run.gatlingJvms()).as("the plugin copies -Duri onto its fork's command line; %s%nmvn said:%n%s", run.seen(), run.output())
          .anyMatch(c -> c.contains(PASSWORD));
      assertThat(run.output()).contains("A secret in -Duri or a scenario's uri (its password", "is on this JVM's command line", "HARNESS_URI")
          .doesNotContain(PASSWORD);
      assertNoPasswordIn(results.resolve("results"));
    }
  }

  private static void assertNoPasswordIn(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain("Tr0ub", "4dor");
      }
    }
  }
}
