package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.process.TimedProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code scripts/lab-test}: {@code mvn gatling:test} ends with 1 for every failure, the wrapper with the simulations'
 * own codes, read from the file each simulation's JVM writes them to.
 */
class LabTestScriptIT {

  private static TimedProcess.Result labTest(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("scripts/lab-test"));
    command.addAll(List.of(args));
    return TimedProcess.run(new ProcessBuilder(command).redirectErrorStream(true), Duration.ofMinutes(4));
  }

  /** A command that records {@code lines} as simulations' JVMs do, then fails as mvn does. */
  private static TimedProcess.Result recording(String... lines) throws Exception {
    return recordingThenEnding(1, lines);
  }

  /** A command that records {@code lines} as simulations' JVMs do, then ends with {@code status}. */
  private static TimedProcess.Result recordingThenEnding(int status, String... lines) throws Exception {
    String script = "for line in \"$@\"; do echo \"$line\" >> \"$PORT_EXHAUSTION_LAB_EXIT_FILE\"; done; exit " + status;
    List<String> args = new ArrayList<>(List.of("--", "sh", "-c", script, "sh"));
    args.addAll(List.of(lines));
    return labTest(args.toArray(String[]::new));
  }

  @Test
  void aSetupMistakeThroughMavenEndsWithItsOwnCode() throws Exception {
    TimedProcess.Result result = labTest("-B", "-o", "-Dgatling.simulationClass=PooledSimulation", "-Dload.peakRate=-3");

    assertThat(result.exitCode()).as(result.output()).isEqualTo(ProcessExit.Code.SETUP_FAILED.status());
    assertThat(result.output()).contains("PooledSimulation did not start; no load was sent",
        "lab-test: exit 3 (PooledSimulation): a simulation did not start (a setup mistake)");
  }

  /**
   * A code that stopped the batch wins over an earlier failed verdict: a lost target (5), and a crash (1) too,
   * a simulation that began and recorded no end; a failed verdict wins over a pass.
   */
  @Test
  void aCodeThatStoppedTheBatchACrashAmongThemWinsOverAnEarlierFailedVerdict() throws Exception {
    // Pooled's verdict failed, the plugin went on; raw-socket's target was lost, which stopped the batch.
    TimedProcess.Result lost = recording("1 PooledSimulation", "2 PooledSimulation", "1 RawSocketSimulation", "5 RawSocketSimulation");
    TimedProcess.Result failed = recording("1 ClientPerRequestSimulation", "0 ClientPerRequestSimulation", "1 PooledSimulation",
        "2 PooledSimulation");
    // Raw-socket began and recorded no end: its JVM crashed, or a signal ended it.
    TimedProcess.Result crashed = recording("1 PooledSimulation", "2 PooledSimulation", "1 RawSocketSimulation");

    assertThat(lost.exitCode()).isEqualTo(ProcessExit.Code.TARGET_LOST.status());
    assertThat(lost.output()).contains("lab-test: exit 5 (RawSocketSimulation): the target was lost");
    assertThat(failed.exitCode()).isEqualTo(ProcessExit.Code.VERDICT_FAILED.status());
    assertThat(crashed.exitCode()).isEqualTo(ProcessExit.Code.HARNESS_CRASHED.status());
    assertThat(crashed.output()).contains("lab-test: exit 1 (RawSocketSimulation): a crash");
  }

  /**
   * A report the disk cut (7) stops the batch, its simulation's verdict standing: a failed verdict before it ranks above,
   * and alone it is said as such, not as a crash.
   */
  @Test
  void aReportTheDiskCutRanksBelowAnEarlierFailedVerdict() throws Exception {
    TimedProcess.Result afterFailed = recording("1 PooledSimulation", "2 PooledSimulation", "1 RawSocketSimulation",
        "0 RawSocketSimulation", "7 RawSocketSimulation");
    TimedProcess.Result alone = recording("1 PooledSimulation", "0 PooledSimulation", "7 PooledSimulation");

    assertThat(afterFailed.exitCode()).as(afterFailed.output()).isEqualTo(ProcessExit.Code.VERDICT_FAILED.status());
    assertThat(afterFailed.output()).contains("lab-test: exit 2 (PooledSimulation): a verdict failed");
    assertThat(alone.exitCode()).as(alone.output()).isEqualTo(ProcessExit.Code.REPORT_CUT.status());
    assertThat(alone.output()).contains("lab-test: exit 7 (PooledSimulation): Gatling's HTML report was cut (its disk full,"
        + " said above): the harness's files are whole and the verdict, passed or not checked, stands, and no simulation"
        + " after it ran");
  }

  /**
   * A command running several builds may go on after a report the disk cut: the last 7 is named, and nothing is said of
   * what ran after it.
   */
  @Test
  void aReportTheDiskCutWithABuildAfterItIsNotSaidToEndTheBatch() throws Exception {
    TimedProcess.Result twoCut = recording("1 PooledSimulation", "7 PooledSimulation", "1 RawSocketSimulation",
        "7 RawSocketSimulation", "1 ClientPerRequestSimulation", "0 ClientPerRequestSimulation");

    assertThat(twoCut.exitCode()).as(twoCut.output()).isEqualTo(ProcessExit.Code.REPORT_CUT.status());
    assertThat(twoCut.output()).contains("lab-test: exit 7 (RawSocketSimulation): Gatling's HTML report was cut (its disk"
        + " full, said above): the harness's files are whole and the verdict, passed or not checked, stands\n")
        .doesNotContain("no simulation after it ran");
  }

  /** A simulation that began and was then terminated: 143, said as an interruption, not a crash. */
  @Test
  void aRunEndedByTermIsSaidToBeInterruptedWithItsOwnCode() throws Exception {
    String began = "echo '1 PooledSimulation' >> \"$PORT_EXHAUSTION_LAB_EXIT_FILE\"; kill -TERM $$";
    TimedProcess.Result terminated = labTest("--", "sh", "-c", began);

    assertThat(terminated.exitCode()).as(terminated.output()).isEqualTo(143);
    assertThat(terminated.output()).contains("lab-test: exit 143: interrupted by TERM; PooledSimulation stopped before it recorded its end")
        .doesNotContain("a crash");
  }

  /**
   * TERM, HUP or INT sent to lab-test alone (kill, timeout, a CI runner cancelling a job) reaches the command and what it
   * started, which lab-test waits for, then says the interruption with the signal's code: it ended at once before, its
   * last line Gatling's, the load going on.
   */
  @ParameterizedTest
  @CsvSource({"TERM, 143", "HUP, 129", "INT, 130"})
  void aSignalToLabTestAloneEndsTheLoadAndIsSaidAsAnInterruption(String signal, int code, @TempDir Path scratch) throws Exception {
    SignalledWrapper.Result run = SignalledWrapper.run(scratch, List.of("scripts/lab-test"), signal);

    assertThat(run.loadLeftRunning()).as("the load after lab-test ended: %s", run.output()).isEmpty();
    assertThat(run.exitCode()).as(run.output()).isEqualTo(code);
    assertThat(run.output().strip()).endsWith("lab-test: exit " + code + ": interrupted by " + signal
        + "; PooledSimulation stopped before it recorded its end, so its folder holds what was written until then, perhaps"
        + " without a summary or a verdict");
  }

  /**
   * KILL, which no trap hears (kill -9, the OOM killer), ends lab-test alone: its command, sent TERM by the kernel as
   * lab-test ends (setpriv's parent-death signal), ends with it, where it ran on to its bound with no one to report it.
   */
  @Test
  void theCommandEndsWhenLabTestIsKilledOutright(@TempDir Path scratch) throws Exception {
    assumeTrue(new ProcessBuilder("sh", "-c", "command -v setpriv").start().waitFor() == 0, "needs util-linux's setpriv");
    Path commandPid = scratch.resolve("command.pid");
    Process labTest = new ProcessBuilder("scripts/lab-test", "--", "sh", "-c", "echo $$ > \"$0\"; exec sleep 120", commandPid.toString())
        .redirectErrorStream(true).redirectOutput(scratch.resolve("output.txt").toFile()).start();
    ProcessHandle command = null;
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!Files.exists(commandPid) || Files.readString(commandPid).isBlank()) {
        assertThat(System.nanoTime()).as("the command did not start within 20 s").isLessThan(deadline);
        Thread.sleep(50);
      }
      command = ProcessHandle.of(Long.parseLong(Files.readString(commandPid).strip())).orElseThrow();
      assertThat(command.isAlive()).isTrue();

      labTest.destroyForcibly(); // KILL: scripts/lab-test execs the launcher's lab-test, so this is its pid

      assertThat(labTest.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(command.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).get())
          .as("the command (%s) 10 s after lab-test was killed", command.info().commandLine().orElse("?")).isNotNull();
    } finally {
      if (command != null) {
        command.destroyForcibly();
      }
    }
  }

  /**
   * A process the command starts after the signal reached it (mvn forks the simulation's JVM some seconds in) is sent the
   * signal too: lab-test passed it on to the processes it saw when the signal came, and waited for the command, which
   * waited for its load, 2 minutes here.
   */
  @Test
  void aProcessStartedAfterTheSignalIsSentItToo(@TempDir Path scratch) throws Exception {
    Path ready = scratch.resolve("ready.pid");
    Path loadPid = scratch.resolve("load.pid");
    // The command does not hear the signal (as mvn busy starting), and starts its load, which hears it, 2 s later.
    String load = "echo $$ > \"$1\"; sleep 120 & trap \"kill $!; sleep 1; exit 143\" INT TERM HUP; wait";
    String command = "echo '1 PooledSimulation' >> \"$PORT_EXHAUSTION_LAB_EXIT_FILE\"; trap '' INT TERM HUP; echo $$ > '" + ready
        + "'; sleep 2; env --default-signal=INT,TERM,HUP sh -c '" + load + "' load '" + loadPid + "'";

    SignalledWrapper.Result run = SignalledWrapper.run(scratch, List.of("scripts/lab-test", "--", "sh", "-c", command), ready,
        loadPid, "TERM", Duration.ofSeconds(60));

    assertThat(run.loadLeftRunning()).as("the load after lab-test ended: %s", run.output()).isEmpty();
    assertThat(run.exitCode()).as(run.output()).isEqualTo(143);
    assertThat(run.output()).contains("lab-test: exit 143: interrupted by TERM; PooledSimulation stopped").doesNotContain("KILL");
  }

  /**
   * A process that ignores the signal is named and killed once lab-test has waited PORT_EXHAUSTION_LAB_STOP_WAIT for it
   * (2 minutes when unset, 5 s here), and lab-test ends with the signal's code: it was left running, said nowhere,
   * sending its load after lab-test had ended.
   */
  @Test
  void aProcessThatIgnoresTheSignalIsNamedAndKilledWhenTheStopWaitIsOver(@TempDir Path scratch) throws Exception {
    Path loadPid = scratch.resolve("load.pid");
    String command = "echo '1 PooledSimulation' >> \"$PORT_EXHAUSTION_LAB_EXIT_FILE\";"
        + " sh -c 'trap \"\" INT TERM HUP; echo $$ > \"$1\"; exec sleep 180' load '" + loadPid + "' & wait";
    long start = System.nanoTime();

    // env execs lab-test, so the signal to its pid reaches lab-test.
    SignalledWrapper.Result run = SignalledWrapper.run(scratch,
        List.of("env", "PORT_EXHAUSTION_LAB_STOP_WAIT=5", "scripts/lab-test", "--", "sh", "-c", command), loadPid, loadPid, "TERM",
        Duration.ofSeconds(30));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("lab-test waited for it").isGreaterThan(Duration.ofSeconds(5));
    assertThat(run.loadLeftRunning()).as("the load after lab-test ended: %s", run.output()).isEmpty();
    assertThat(run.exitCode()).as(run.output()).isEqualTo(143);
    String pid = Files.readString(loadPid).strip();
    assertThat(run.output()).contains("lab-test: 5 s after the TERM, still running, ended with KILL: " + pid + " (sleep 180)\n",
        "lab-test: exit 143: interrupted by TERM; PooledSimulation stopped");
  }

  /**
   * When the stop wait is over, a process begun since lab-test last read the tree is sent the signal before any KILL: it
   * was killed from a list up to 0.2 s old, never sent the signal. The command ignores the TERM and starts a process every
   * 50 ms after it, each of which records the TERM it is sent; every one that had said it was ready recorded its TERM.
   */
  @Test
  void aProcessBegunSinceTheLastReadingIsSentTheSignalBeforeAnyKill(@TempDir Path scratch) throws Exception {
    Path spawnerPid = scratch.resolve("spawner.pid");
    Path ready = scratch.resolve("ready.txt");
    Path termed = scratch.resolve("termed.txt");
    Path newcomer = Files.writeString(scratch.resolve("newcomer.sh"), "trap 'echo $$ >> \"$1\"; exit 0' TERM\necho $$ >> \"$2\"\n"
        + "for i in $(seq 300); do sleep 0.1; done\n");
    // 200 newcomers at most, in 10 s: lab-test's wait is 2 s.
    Path spawner = Files.writeString(scratch.resolve("spawner.sh"), "echo '1 PooledSimulation' >> \"$PORT_EXHAUSTION_LAB_EXIT_FILE\"\n"
        + "signalled=''\ntrap 'signalled=1' TERM\necho $$ > '" + spawnerPid + "'\n"
        + "while [ -z \"$signalled\" ]; do sleep 0.05; done\n"
        + "for i in $(seq 200); do sh '" + newcomer + "' '" + termed + "' '" + ready + "' & sleep 0.05; done\n");

    try {
      SignalledWrapper.Result run = SignalledWrapper.run(scratch,
          List.of("env", "PORT_EXHAUSTION_LAB_STOP_WAIT=2", "scripts/lab-test", "--", "bash", spawner.toString()), spawnerPid, spawnerPid,
          "TERM", Duration.ofSeconds(30));

      assertThat(run.exitCode()).as(run.output()).isEqualTo(143);
      assertThat(run.output()).contains("ended with KILL: " + Files.readString(spawnerPid).strip() + " (bash " + spawner);
      assertThat(Files.readAllLines(ready)).as("begun and ready").isNotEmpty();
      assertThat(Files.readAllLines(termed)).as("sent the TERM: %s", run.output()).containsExactlyInAnyOrderElementsOf(Files.readAllLines(ready));
    } finally {
      // Before, one begun between lab-test's last reading and its KILL was left running.
      for (String pid : Files.exists(ready) ? Files.readAllLines(ready) : List.<String>of()) {
        ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  /**
   * A connection string's password on the command line of a process lab-test kills is {@code ****} in the line naming
   * it, its user name kept: it was printed as ps shows it ({@code java -Duri=mongodb://lab:s3cret@db/ ...}). Masked
   * before the line is cut at 100 characters, here between the password and its "@".
   */
  @Test
  void aPasswordInTheCommandOfAProcessItKillsIsMasked(@TempDir Path scratch) throws Exception {
    Path loadPid = scratch.resolve("load.pid");
    // A JVM's command line as ps shows it: bash's exec -a names the ignoring process so.
    String command = "echo '1 PooledSimulation' >> \"$PORT_EXHAUSTION_LAB_EXIT_FILE\"; trap '' INT TERM HUP; echo $$ > '" + loadPid
        + "'; exec -a 'java -cp " + "x".repeat(60) + " -Duri=mongodb://lab:s3cretpassword@db.example/ Gatling' sleep 180";

    SignalledWrapper.Result run = SignalledWrapper.run(scratch,
        List.of("env", "PORT_EXHAUSTION_LAB_STOP_WAIT=1", "scripts/lab-test", "--", "bash", "-c", command), loadPid, loadPid, "TERM",
        Duration.ofSeconds(30));

    assertThat(run.exitCode()).as(run.output()).isEqualTo(143);
    assertThat(run.output()).doesNotContain("s3cret")
        .contains("ended with KILL: " + Files.readString(loadPid).strip() + " (java -cp " + "x".repeat(60) + " -Duri=mongodb://lab:****@db.ex...)");
  }

  /** A stop wait that is not a whole number of seconds from 1 to 3600 is refused before the command runs. */
  @ParameterizedTest
  @CsvSource({"0", "3601", "2m", "-5", "1.5"})
  void aStopWaitOutOfRangeIsRefusedBeforeTheCommandRuns(String wait, @TempDir Path scratch) throws Exception {
    Path ran = scratch.resolve("ran");
    TimedProcess.Result result = TimedProcess.run(new ProcessBuilder("env", "PORT_EXHAUSTION_LAB_STOP_WAIT=" + wait, "scripts/lab-test",
        "--", "touch", ran.toString()).redirectErrorStream(true), Duration.ofSeconds(30));

    assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
    assertThat(result.output()).contains("lab-test: PORT_EXHAUSTION_LAB_STOP_WAIT is '" + wait + "': it is how many seconds",
        "give a whole number of seconds from 1 to 3600, or leave it unset or empty for 120. Nothing ran.");
    assertThat(ran).doesNotExist();
  }

  /** The command reads lab-test's own input, as it did in the foreground: a background command's is /dev/null. */
  @Test
  void theCommandReadsLabTestsInput(@TempDir Path scratch) throws Exception {
    Path input = Files.writeString(scratch.resolve("input.txt"), "given\n");
    ProcessBuilder builder = new ProcessBuilder("scripts/lab-test", "--", "sh", "-c", "read line && echo \"read: $line\"")
        .redirectInput(input.toFile()).redirectErrorStream(true);

    TimedProcess.Result result = TimedProcess.run(builder, Duration.ofSeconds(30));

    assertThat(result.output()).as("exit %d", result.exitCode()).contains("read: given");
    assertThat(result.exitCode()).isZero();
  }

  /** A TERM sent to a simulation's JVM alone: mvn ends with 1, and the 143 that JVM recorded decides. */
  @Test
  void aTermToTheSimulationsJvmAloneIsAnInterruptionNotACrash() throws Exception {
    TimedProcess.Result terminated = recording("1 PooledSimulation", "143 PooledSimulation");

    assertThat(terminated.exitCode()).as(terminated.output()).isEqualTo(143);
    assertThat(terminated.output()).contains("lab-test: exit 143: interrupted by TERM; PooledSimulation stopped before it recorded its end")
        .doesNotContain("a crash");
  }

  /** A HUP (a closed terminal, a lost SSH session) to a simulation's JVM: an interruption said as such, not a crash. */
  @Test
  void aHupToTheSimulationsJvmIsAnInterruptionNotACrash() throws Exception {
    TimedProcess.Result hungUp = recording("1 PooledSimulation", "129 PooledSimulation");

    assertThat(hungUp.exitCode()).as(hungUp.output()).isEqualTo(129);
    assertThat(hungUp.output()).contains("lab-test: exit 129: interrupted by HUP; PooledSimulation stopped before it recorded its end")
        .doesNotContain("a crash");
  }

  /**
   * A batch whose first simulation failed its verdict and whose second was interrupted ends with the signal's code, as
   * an interruption, and names the failed verdict, which that code no longer tells; the second's summary may be written
   * (a signal during its verdict), so it is not said to be missing.
   */
  @Test
  void anInterruptionAfterAFailedVerdictNamesThatVerdict() throws Exception {
    TimedProcess.Result interrupted = recording("1 ClientPerRequestSimulation", "2 ClientPerRequestSimulation",
        "1 PooledSimulation", "130 PooledSimulation");

    assertThat(interrupted.exitCode()).as(interrupted.output()).isEqualTo(130);
    assertThat(interrupted.output()).contains("lab-test: exit 130: interrupted by INT; PooledSimulation stopped before it"
        + " recorded its end, so its folder holds what was written until then, perhaps without a summary or a verdict;"
        + " before it, a verdict failed (code 2, said above): ClientPerRequestSimulation");
  }

  /**
   * Ctrl-C while Gatling writes its report: the simulation's summary and verdict are written, and said so, whether its
   * JVM heard the INT (and recorded 130 after its end) or not.
   */
  @Test
  void anInterruptionAfterASimulationRecordedItsEndSaysItsFilesAreWhole() throws Exception {
    TimedProcess.Result heard = recordingThenEnding(130, "1 ClientPerRequestSimulation", "0 ClientPerRequestSimulation",
        "130 ClientPerRequestSimulation");
    TimedProcess.Result notHeard = recordingThenEnding(130, "1 ClientPerRequestSimulation", "0 ClientPerRequestSimulation");

    for (TimedProcess.Result interrupted : List.of(heard, notHeard)) {
      assertThat(interrupted.exitCode()).as(interrupted.output()).isEqualTo(130);
      assertThat(interrupted.output())
          .contains("lab-test: exit 130: interrupted by INT after ClientPerRequestSimulation had recorded how it ended (code 0")
          .doesNotContain("without a summary or a verdict");
    }
  }

  @Test
  void aDoubleDashWithoutACommandIsRefusedAsASetupMistake() throws Exception {
    TimedProcess.Result result = labTest("--");

    assertThat(result.exitCode()).as(result.output()).isEqualTo(ProcessExit.Code.SETUP_FAILED.status());
    assertThat(result.output()).contains("lab-test: -- needs a command");
  }

  /** A wrapper's own 2 would read as a failed verdict: a command that failed before any simulation began ends with 1. */
  @Test
  void aCommandThatFailedBeforeAnySimulationEndsWithOneSayingItsStatus() throws Exception {
    TimedProcess.Result two = labTest("--", "sh", "-c", "exit 2");

    assertThat(two.exitCode()).isEqualTo(1);
    assertThat(two.output()).contains("lab-test: exit 1: the command ended with 2 before any simulation began")
        .as("a Gatling JVM that TERM ended before the harness began in it records nothing, and mvn ends 1 as for a build")
        .contains("or a simulation's JVM that a signal or a crash ended before the harness began in it");
    assertThat(labTest("--", "sh", "-c", "exit 7").exitCode()).isEqualTo(1);
    assertThat(labTest("--", "true").exitCode()).isZero();
    TimedProcess.Result missing = labTest("--", "/nonexistent/mvnw", "gatling:test");
    assertThat(missing.exitCode()).as("a command that could not be run: nothing ran").isEqualTo(3);
    assertThat(missing.output()).contains("lab-test: exit 3: the command could not be run (status 127: not found, or not executable)");
    TimedProcess.Result interrupted = labTest("--", "sh", "-c", "exit 130");
    assertThat(interrupted.exitCode()).isEqualTo(130);
    assertThat(interrupted.output()).contains("lab-test: exit 130: interrupted by INT before any simulation began");
  }

  /** A build told not to fail on its simulations (-Dgatling.failOnError=false) ends 0: what they recorded decides. */
  @Test
  void aFailedVerdictRecordedUnderABuildThatEndedWellIsStillAFailedVerdict() throws Exception {
    TimedProcess.Result failed = recordingThenEnding(0, "1 PooledSimulation", "2 PooledSimulation");
    TimedProcess.Result passed = recordingThenEnding(0, "1 PooledSimulation", "0 PooledSimulation");
    TimedProcess.Result brokeAfter = recordingThenEnding(1, "1 PooledSimulation", "0 PooledSimulation");

    assertThat(failed.exitCode()).isEqualTo(2);
    assertThat(failed.output()).contains("lab-test: exit 2 (PooledSimulation): a verdict failed");
    assertThat(passed.exitCode()).isZero();
    assertThat(brokeAfter.exitCode()).as("every simulation ended 0, the build failed after them").isEqualTo(1);
    assertThat(brokeAfter.output()).contains("a build that failed outside any simulation (it ended with 1)");
  }
}
