package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.portexhaustion.process.TimedProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A results folder that takes the harness's files and its comparison but fills up while Gatling writes its HTML report,
 * after them, in the same JVM: a real {@code scripts/lab-test} of {@code mvn gatling:test}, its results folder a 320 KB
 * tmpfs in a mount namespace of the test's own (a short pooled run writes some 90 KB of its own files and Gatling's log,
 * 120 KB of comparison, and Gatling's report needs some 500 KB more). It ended as a crash before, lab-test's exit 1, with
 * nothing said of the report cut nor of the verdict standing. Skipped where this machine cannot make a mount namespace.
 */
class FullReportDiskIT {

  /** The shell inside the namespace: mounts the tmpfs, runs the command, then shows what the run left in it. */
  private static final String IN_NAMESPACE = """
      mount -t tmpfs -o size=320k tmpfs "$0" || exit 97
      "$@"; status=$?
      find "$0" -type f -printf 'LEFT %P\\n'
      exit $status""";

  @TempDir
  Path results;

  private List<String> namespace;

  @BeforeEach
  void mountNamespace() throws Exception {
    // Root can make a mount namespace by itself; anyone else needs a user namespace too.
    namespace = "root".equals(System.getProperty("user.name")) ? List.of("unshare", "--mount")
        : List.of("unshare", "--user", "--map-root-user", "--mount");
    List<String> probe = new ArrayList<>(namespace);
    probe.addAll(List.of("sh", "-c", "mount -t tmpfs -o size=320k tmpfs \"$0\"", results.toString()));
    Process mount = new ProcessBuilder(probe).redirectErrorStream(true).start();
    assumeTrue(mount.waitFor(10, TimeUnit.SECONDS) && mount.exitValue() == 0,
        "this machine cannot make a mount namespace with a tmpfs (" + String.join(" ", namespace) + ")");
  }

  @Test
  void aReportTheDiskCutIsSaidAsSuchWithItsOwnCodeTheVerdictStandingAndNothingDeleted() throws Exception {
    List<String> command = new ArrayList<>(namespace);
    command.addAll(List.of("sh", "-c", IN_NAMESPACE, results.toString(), "scripts/lab-test", "-B", "-o",
        "-Dgatling.simulationClass=PooledSimulation", "-Dgatling.resultsFolder=" + results, "-Dtarget=embedded",
        "-Dload.startRate=20", "-Dload.peakRate=100", "-Dload.rampTime=2s", "-Dload.holdTime=10s"));
    TimedProcess.Result result = TimedProcess.run(new ProcessBuilder(command).redirectErrorStream(true), Duration.ofMinutes(4));

    String output = result.output();
    assertThat(output).as("the harness's own files were written: the disk filled in Gatling's report")
        .contains("harness files: " + results).containsPattern("VERDICT (INFO|PASS) PooledSimulation");
    assertThat(result.exitCode()).as(output).isEqualTo(7); // ProcessExit.Code.REPORT_CUT
    assertThat(output).containsPattern("PooledSimulation: Gatling's HTML report in " + results
        + "/pooledsimulation-\\d+ was cut: No space left on device \\(ENOSPC\\) as Gatling wrote it, so its files there are"
        + " incomplete \\(index\\.html not written\\)\\. The verdict said above stands: the harness's own files in \\S+/harness"
        + " are whole\\. ");
    assertThat(output).as("the comparison is rewritten first, and what came of it said: here the disk is still full")
        .containsPattern("The comparison could not be rewritten \\(No space left on device \\(ENOSPC\\)\\): its"
            + " \\S+/comparison/index\\.html links this report as to come, a link that leads nowhere\\.")
        .containsPattern("Make room on that disk, then make the report again with mvn gatling:test"
            + " -Dgatling\\.reportsOnly=pooledsimulation-\\d+; exit code 7\\.");
    assertThat(output.strip()).contains("lab-test: exit 7 (PooledSimulation): Gatling's HTML report was cut (its disk full,"
        + " said above): the harness's files are whole and the verdict, passed or not checked, stands").doesNotContain("a crash");

    List<String> left = output.lines().filter(line -> line.startsWith("LEFT ")).map(line -> line.substring(5)).toList();
    assertThat(left).as("the run's files, nothing of them deleted")
        .anyMatch(file -> file.matches("pooledsimulation-\\d+/harness/summary\\.json"))
        .anyMatch(file -> file.matches("pooledsimulation-\\d+/simulation\\.log"))
        .anyMatch(file -> file.matches("pooledsimulation-\\d+/js/.*"))
        .anyMatch(file -> file.matches("comparison/index\\.html"))
        .noneMatch(file -> file.contains(".partial"));
  }
}
