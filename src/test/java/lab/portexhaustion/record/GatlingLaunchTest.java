package lab.portexhaustion.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results folder and the batch, read from what launched Gatling: the arguments the gatling-maven-plugin's fork
 * finds on its classpath, the process that forked it, and the two overriding properties.
 */
class GatlingLaunchTest {

  @TempDir
  Path classpathFolder;

  @Test
  void theResultsFolderIsTheOneThePluginGaveGatlingInItsForkArguments() throws Exception {
    // The plugin's fork reads its arguments one per line from this classpath resource.
    Path args = Files.createDirectories(classpathFolder.resolve("META-INF")).resolve("args.txt");
    Files.write(args, List.of("-s", "orders.OrdersSimulation", "-rf", "/home/user/shop/target/gatling", "-l", "maven"));

    Optional<List<String>> read;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classpathFolder.toUri().toURL()}, null)) {
      read = GatlingLaunch.forkArguments(loader);
    }
    GatlingLaunch launch = GatlingLaunch.of(Optional.empty(), Optional.empty(), read, Optional.empty());

    assertThat(launch.resultsFolder()).isEqualTo(Path.of("/home/user/shop/target/gatling"));
  }

  @Test
  void theLongSpellingOfTheOptionIsReadToo() {
    GatlingLaunch launch = GatlingLaunch.of(Optional.empty(), Optional.empty(),
        Optional.of(List.of("--results-folder", "/srv/runs", "--simulation", "A")), Optional.empty());

    assertThat(launch.resultsFolder()).isEqualTo(Path.of("/srv/runs"));
  }

  @Test
  void aReportIsWrittenUnlessThePluginPassedNoReports() {
    // The plugin passes -Dgatling.noReports to its fork as Gatling's short option.
    Optional<List<String>> noReports = Optional.of(List.of("-s", "A", "-rf", "/srv/runs", "-nr"));
    Optional<List<String>> reports = Optional.of(List.of("-s", "A", "-rf", "/srv/runs"));

    assertThat(GatlingLaunch.of(Optional.empty(), Optional.empty(), noReports, Optional.empty()).reportsWritten()).isFalse();
    assertThat(GatlingLaunch.of(Optional.empty(), Optional.empty(), Optional.of(List.of("--no-reports")), Optional.empty())
        .reportsWritten()).as("the long spelling").isFalse();
    assertThat(GatlingLaunch.of(Optional.empty(), Optional.empty(), reports, Optional.empty()).reportsWritten()).isTrue();
    assertThat(GatlingLaunch.of(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()).reportsWritten())
        .as("no plugin forked this JVM: Gatling's default").isTrue();
  }

  @Test
  void theSimulationIsTheOneGatlingWasGivenInEitherSpelling() {
    assertThat(GatlingLaunch.simulationOption(List.of("-s", "orders.OrdersSimulation", "-rf", "/srv/runs")))
        .contains("orders.OrdersSimulation");
    assertThat(GatlingLaunch.simulationOption(List.of("-rf", "/srv/runs", "-s"))).isEmpty();
  }

  @Test
  void aCommandLineNamesTheSimulationOnlyWhenGatlingsMainRan() {
    assertThat(GatlingLaunch.simulationOfCommand("io.gatling.app.Gatling --simulation orders.OrdersSimulation --results-folder /srv/runs"))
        .contains("orders.OrdersSimulation");
    // Maven's -s is its settings file
    assertThat(GatlingLaunch.simulationOfCommand("org.codehaus.plexus.classworlds.launcher.Launcher -s settings.xml gatling:test"))
        .isEmpty();
  }

  @Test
  void aClasspathWithoutForkArgumentsHasNone() throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classpathFolder.toUri().toURL()}, null)) {
      assertThat(GatlingLaunch.forkArguments(loader)).isEmpty();
    }
  }

  @Test
  void withNothingSetTheResultsGoWhereThePluginPutsThemByDefaultAndThereIsNoBatch() {
    GatlingLaunch launch = GatlingLaunch.of(Optional.empty(), Optional.empty(), Optional.empty(), ProcessHandle.current().parent());

    assertThat(launch.resultsFolder()).isEqualTo(Path.of("target/gatling"));
    assertThat(launch.batch()).as("no plugin forked this JVM: no build to group runs by").isEmpty();
  }

  @Test
  void thePropertiesOverrideWhatThePluginPassed() {
    Optional<List<String>> fork = Optional.of(List.of("-rf", "/from/the/plugin"));

    GatlingLaunch set = GatlingLaunch.of(Optional.of("/from/the/property"), Optional.of("nightly-7"), fork,
        Optional.of(ProcessHandle.current()));
    GatlingLaunch blankBatch = GatlingLaunch.of(Optional.empty(), Optional.of(" "), fork, Optional.of(ProcessHandle.current()));

    assertThat(set.resultsFolder()).isEqualTo(Path.of("/from/the/property"));
    assertThat(set.batch()).contains("nightly-7");
    assertThat(blankBatch.batch()).as("a blank batch property means no batch").isEmpty();
  }

  @Test
  void theForksOfOneBuildShareABatchAndAnotherBuildHasItsOwn() throws Exception {
    Optional<List<String>> fork = Optional.of(List.of("-rf", "target/gatling"));
    ProcessHandle build = ProcessHandle.current();
    Process otherBuild = new ProcessBuilder("sleep", "30").start();
    try {
      Optional<String> first = GatlingLaunch.of(Optional.empty(), Optional.empty(), fork, Optional.of(build)).batch();
      Optional<String> second = GatlingLaunch.of(Optional.empty(), Optional.empty(), fork, Optional.of(build)).batch();
      Optional<String> other = GatlingLaunch.of(Optional.empty(), Optional.empty(), fork, Optional.of(otherBuild.toHandle())).batch();

      assertThat(first).isPresent().isEqualTo(second);
      assertThat(first.get()).as("the build's start, UTC, and its pid").matches("\\d{8}-\\d{6}-pid" + build.pid());
      assertThat(other.get()).endsWith("-pid" + otherBuild.pid()).isNotEqualTo(first.get());
    } finally {
      otherBuild.destroyForcibly();
    }
  }
}
