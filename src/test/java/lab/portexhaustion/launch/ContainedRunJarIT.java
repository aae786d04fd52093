package lab.portexhaustion.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.process.TimedProcess;
import lab.portexhaustion.run.NetworkNamespaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a user of the artifact runs it: {@code java -jar} the jar failsafe tests (its manifest's main, the JDK
 * alone on its class path), from a folder that is not this repository: a Gatling project's.
 */
class ContainedRunJarIT {

  /** The code of the launcher's own refusal, before anything runs: a setup mistake's, never a failed verdict's 2. */
  private static final int SETUP_MISTAKE = ProcessExit.Code.SETUP_FAILED.status();

  @TempDir
  Path project;

  private TimedProcess.Result launch(String... args) throws Exception {
    return TimedProcess.run(launcher(args).redirectErrorStream(true), Duration.ofSeconds(90));
  }

  private ProcessBuilder launcher(String... args) throws Exception {
    Path jar = Path.of(ContainedRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(jar.toString().endsWith(".jar")
        ? List.of(java, "-jar", jar.toString())
        : List.of(java, "-cp", jar.toString(), ContainedRun.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(project.toFile());
  }

  @Test
  void badInputIsRefusedInOneParagraphBeforeAnythingRuns() throws Exception {
    TimedProcess.Result range = launch("--no-prepare", "--range", "80-90", "--", "echo", "COMMAND-RAN");
    TimedProcess.Result nofile = launch("--no-prepare", "--nofile", "10", "--", "echo", "COMMAND-RAN");

    assertThat(range.exitCode()).isEqualTo(SETUP_MISTAKE);
    assertThat(range.output()).contains("--range 80-90 is out of bounds").doesNotContain("COMMAND-RAN");
    assertThat(nofile.exitCode()).isEqualTo(SETUP_MISTAKE);
    assertThat(nofile.output()).contains("--nofile '10' must be a whole number of descriptors, at least 256").doesNotContain("COMMAND-RAN");
  }

  @Test
  void itPreparesTheBuildOfTheFolderItRunsIn() throws Exception {
    // No pom.xml here: the build it prepares is this folder's, not the lab's.
    TimedProcess.Result result = launch("--range", "40000-40999", "--", "echo", "COMMAND-RAN");

    assertThat(result.exitCode()).isEqualTo(SETUP_MISTAKE);
    assertThat(result.output()).contains("preparing the build failed").doesNotContain("COMMAND-RAN");
  }

  /** The JVM finds bash on its own PATH: an empty folder there stands for a host without bash. */
  @Test
  void noBashIsRefusedAsASetupMistake() throws Exception {
    ProcessBuilder launcher = launcher("--no-prepare", "--range", "40000-40999", "--", "echo", "COMMAND-RAN").redirectErrorStream(true);
    launcher.environment().put("PATH", Files.createDirectories(project.resolve("no-bash")).toString());

    TimedProcess.Result result = TimedProcess.run(launcher, Duration.ofSeconds(90));

    assertThat(result.exitCode()).as(result.output()).isEqualTo(SETUP_MISTAKE);
    assertThat(result.output()).contains("contained-run: cannot start bash, which runs the launcher", "install bash")
        .doesNotContain("COMMAND-RAN");
  }

  @Test
  void theCommandRunsInTheProjectFolderInsideTheNamespace() throws Exception {
    NetworkNamespaces.assumeAvailable();

    TimedProcess.Result result = launch("--no-prepare", "--range", "41000-41099", "--nofile", "300", "--", "sh", "-c",
        "pwd; cat /proc/sys/net/ipv4/ip_local_port_range /proc/sys/net/ipv4/tcp_tw_reuse; ulimit -n; echo contained=$PORT_EXHAUSTION_LAB_CONTAINED");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output().lines().map(String::trim).toList())
        .contains(project.toRealPath().toString(), "41000\t41099", "0", "300", "contained=1");
  }

  @Test
  void aSigtermToTheLauncherStopsTheCommandInsideTheNamespaceAndRemovesTheScripts() throws Exception {
    NetworkNamespaces.assumeAvailable();
    Path pidFile = project.resolve("command.pid");

    Process launcher = launcher("--no-prepare", "--range", "41000-41099", "--", "sh", "-c", "echo $$ > command.pid; exec sleep 120")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    List<ProcessHandle> started = List.of(); // what it started, ended here whatever the test finds
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!(Files.exists(pidFile) && !Files.readString(pidFile).isBlank()) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      started = launcher.descendants().toList();
      // The wrapper, lab-test, runs the command from the folder the launcher unpacked both scripts into.
      List<Path> unpacked = started.stream().flatMap(p -> p.info().arguments().stream()).flatMap(Arrays::stream)
          .filter(argument -> argument.endsWith("/lab-test")).map(Path::of).flatMap(labTest -> Stream.of(labTest,
              labTest.resolveSibling("contained-run"), labTest.getParent())).toList();
      assertThat(unpacked).as("the unpacked scripts, seen in the processes' arguments").isNotEmpty().allMatch(Files::exists);
      ProcessHandle command = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).orElseThrow();

      launcher.destroy(); // SIGTERM, as a CI job's timeout sends it, to the launcher's JVM alone

      assertThat(launcher.waitFor(20, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
      assertThat(command.onExit().completeOnTimeout(command, 20, TimeUnit.SECONDS).get().isAlive())
          .as("the command it started, inside the namespace, ended with it").isFalse();
      assertThat(unpacked).as("the scripts it unpacked, removed").noneMatch(Files::exists);
    } finally {
      started.forEach(ProcessHandle::destroyForcibly);
      launcher.destroyForcibly();
    }
  }

  @Test
  void itEndsWithTheCodeTheSimulationsRecorded() throws Exception {
    NetworkNamespaces.assumeAvailable();

    // As simulations' JVMs record theirs, then mvn's 1: the first verdict failed, the second lost its target.
    TimedProcess.Result result = launch("--no-prepare", "--range", "41000-41099", "--", "sh", "-c",
        "printf '1 CatalogueSimulation\\n2 CatalogueSimulation\\n1 CataloguePooledSimulation\\n5 CataloguePooledSimulation\\n'"
            + " >> \"$PORT_EXHAUSTION_LAB_EXIT_FILE\"; exit 1");

    assertThat(result.exitCode()).as(result.output()).isEqualTo(ProcessExit.Code.TARGET_LOST.status());
    assertThat(result.output()).contains("lab-test: exit 5 (CataloguePooledSimulation): the target was lost");
  }
}
