package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM options of Gatling's fork in a real {@code mvn gatling:test}: the pom's client compiler and
 * {@code -Dharness.projectDir}, and a user's {@code -Dgatling.jvmArgs} (the plugin's own property, a bigger heap say)
 * all reach it. Each run is refused at its first setting ({@code target=nowhere}), in the fork, before a target starts:
 * how the fork was started is all that is looked at. An option list the plugin cannot split is refused before the fork.
 */
class GatlingJvmArgsEndToEndIT {

  private static final Duration MVN_LIMIT = Duration.ofMinutes(4);
  private static final String PROJECT_DIR = "-Dharness.projectDir=" + Path.of("").toAbsolutePath();
  /** The pom's choice of JIT compiler for the fork; a user's own -XX:TieredStopAtLevel comes after it, and so wins. */
  private static final String CLIENT_COMPILER = "-XX:TieredStopAtLevel=1";

  @TempDir
  Path dir;

  @Test
  void theUsersOptionsGoAfterTheProjectFolderTheClientCompilerAndGatlingsOwnHeap() throws Exception {
    MavenGatlingRun.Result run = run("-Dgatling.jvmArgs=-Xmx300m,-Xss2m");

    assertThat(run.gatlingJvms()).as("the plugin's fork; %s%nmvn said:%n%s", run.seen(), run.output()).singleElement()
        .satisfies(fork -> assertThat(fork).containsSubsequence("-Xmx1G ", " " + CLIENT_COMPILER + " " + PROJECT_DIR + " -Xmx300m -Xss2m "));
  }

  @Test
  void anEmptyMinusDGatlingJvmArgsLeavesTheProjectFolderAlone() throws Exception {
    MavenGatlingRun.Result run = run("-Dgatling.jvmArgs=");

    assertThat(run.gatlingJvms()).as("the plugin's fork; %s%nmvn said:%n%s", run.seen(), run.output()).singleElement()
        .satisfies(fork -> assertThat(fork).contains(" " + CLIENT_COMPILER + " " + PROJECT_DIR + " ").doesNotContain("  "));
  }

  @Test
  void anEmptyOptionIsRefusedWithTheSettingNamedBeforeGatlingsJvmIsForked() throws Exception {
    MavenGatlingRun.Result run = MavenGatlingRun.run(Map.of(), dir.resolve("mvn.log"), MVN_LIMIT, "-o",
        "-Dgatling.simulationClass=RawSocketSimulation", "-Dgatling.resultsFolder=" + dir.resolve("results"), "-Dgatling.jvmArgs=-Xmx300m,");

    assertThat(run.exitCode()).as("mvn said:%n%s", run.output()).isEqualTo(3);
    assertThat(run.output()).contains("=== Gatling did not start; no load was sent ===")
        .contains("Setting '-Dgatling.jvmArgs' has the value '-Xmx300m,', with an empty option:")
        .doesNotContain("NullPointerException");
    assertThat(run.gatlingJvms()).as("no fork; %s", run.seen()).isEmpty();
    assertThat(dir.resolve("results")).doesNotExist();
  }

  private MavenGatlingRun.Result run(String jvmArgs) throws Exception {
    MavenGatlingRun.Result run = MavenGatlingRun.run(Map.of(), dir.resolve("mvn.log"), MVN_LIMIT, "-o",
        "-Dgatling.simulationClass=RawSocketSimulation", "-Dgatling.resultsFolder=" + dir.resolve("results"), "-Dtarget=nowhere",
        jvmArgs);
    assertThat(run.output()).as("the fork ran the harness, which refused the setting")
        .contains("Setting 'target' has the value 'nowhere'");
    return run;
  }
}
