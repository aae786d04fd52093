package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.portexhaustion.process.ProcessExit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose results folder fills up: a 16 KB tmpfs over it, mounted in a mount namespace of the run's own (the
 * host's mounts are never touched). The cause and the path are said once per file, nothing torn or half-written is left
 * behind, and the verdict is inconclusive, not a pass. Skipped where this machine cannot make a mount namespace.
 */
class FullResultsDiskIT {

  /** The shell inside the namespace: mounts the tmpfs, runs the command, then lists what the run left in it. */
  private static final String IN_NAMESPACE = """
      mount -t tmpfs -o size=16k tmpfs "$0" || exit 97
      "$@"; status=$?
      find "$0" -type f -printf 'LEFT %s %p\\n'
      for f in $(find "$0" -name ports.csv); do
        printf 'PORTS-HEADER %s\\n' "$(head -n 1 "$f")"
        printf 'PORTS-LAST-ROW %s\\n' "$(tail -n 1 "$f")"
        [ -z "$(tail -c 1 "$f")" ] && echo PORTS-ENDS-WITH-NEWLINE
      done
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
    probe.addAll(List.of("sh", "-c", "mount -t tmpfs -o size=16k tmpfs \"$0\"", results.toString()));
    Process mount = new ProcessBuilder(probe).redirectErrorStream(true).start();
    assumeTrue(mount.waitFor(10, TimeUnit.SECONDS) && mount.exitValue() == 0,
        "this machine cannot make a mount namespace with a tmpfs (" + String.join(" ", namespace) + ")");
  }

  @Test
  void aFullResultsDiskEndsTheRunInconclusiveSayingTheCauseOnceAndLeavesNothingTorn() throws Exception {
    List<String> launcher = new ArrayList<>(namespace);
    launcher.addAll(List.of("sh", "-c", IN_NAMESPACE, results.toString()));

    GatlingProcess.Result result = GatlingProcess.run(launcher, "PooledSimulation", results, 180, "target=embedded",
        "verdict.enabled=on", "load.startRate=20", "load.peakRate=100", "load.rampTime=2s", "load.holdTime=10s");

    String output = result.output();
    assertThat(result.exitCode()).as(output).isEqualTo(ProcessExit.Code.INCONCLUSIVE.status());
    assertThat(output).containsPattern("VERDICT INCONCLUSIVE PooledSimulation: could not write [^;]*ports\\.csv[^;]* in "
        + "\\S+/harness: No space left on device \\(ENOSPC\\)" + CouldNotKeepUp.ALSO_SAID
        + "; not judged: predicted clean");
    assertThat(output.lines().filter(line -> line.contains("cannot write ") && line.contains("ports.csv")))
        .as("the cause of ports.csv said once, not at every sample").singleElement().asString()
        .endsWith("/harness/ports.csv: No space left on device (ENOSPC)");
    assertThat(output).doesNotContain("VERDICT PASS");
    List<String> left = output.lines().filter(line -> line.startsWith("LEFT ")).toList();
    assertThat(left).as("the run's files").isNotEmpty().noneMatch(line -> line.endsWith(".partial"));
    String header = marked(output, "PORTS-HEADER ");
    String lastRow = marked(output, "PORTS-LAST-ROW ");
    assertThat(lastRow.split(",", -1)).as("ports.csv's last row is whole: %s", lastRow).hasSameSizeAs(header.split(","));
    assertThat(output).contains("PORTS-ENDS-WITH-NEWLINE");
  }

  private static String marked(String output, String mark) {
    return output.lines().filter(line -> line.startsWith(mark)).findFirst().orElseThrow().substring(mark.length());
  }
}
