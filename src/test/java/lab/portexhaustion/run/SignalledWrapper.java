package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a wrapper script (scripts/lab-test, scripts/contained-run) on a command that records a simulation's beginning as
 * its JVM does and then stands for its load, a sleep it starts (or on a command of the caller's, whose load writes its
 * pid); sends one signal to the wrapper's own pid, as kill, timeout or a CI runner cancelling a job does, not to its
 * process group; and reports how the wrapper ended and whether the load was still running when it did.
 */
final class SignalledWrapper {

  /** How the wrapper ended: its exit code and output, and the load's process if it outlived the wrapper. */
  record Result(int exitCode, String output, Optional<ProcessHandle> loadLeftRunning) {}

  private static final Duration LIMIT = Duration.ofSeconds(60);

  private SignalledWrapper() {}

  /**
   * @param wrapper the wrapper and its options, up to (not including) its {@code --}
   * @param signal  INT, TERM or HUP
   */
  static Result run(Path scratch, List<String> wrapper, String signal) throws Exception {
    Path loadPid = scratch.resolve("load.pid");
    // The load a grandchild of the wrapper, as a simulation's JVM is under mvn; in the foreground, so INT is not ignored.
    // Signalled, it takes a second to end, as the JVM writes its summary and its end: the wrapper must wait for it. (Its
    // sleep, in the background of a script, ignores INT: the load ends it.)
    String load = "echo '1 PooledSimulation' >> \"$PORT_EXHAUSTION_LAB_EXIT_FILE\"; sh -c 'echo $$ > \"$1\";"
        + " sleep 120 & trap \"kill $!; sleep 1; exit 143\" INT TERM HUP; wait' load '" + loadPid + "'";
    List<String> command = new ArrayList<>(wrapper);
    command.addAll(List.of("--", "sh", "-c", load));
    return run(scratch, command, loadPid, signal);
  }

  /**
   * @param command the wrapper and all its arguments, among which a process that writes its pid to {@code loadPid}
   */
  static Result run(Path scratch, List<String> command, Path loadPid, String signal) throws Exception {
    return run(scratch, command, loadPid, loadPid, signal, LIMIT);
  }

  /**
   * @param command the wrapper and all its arguments, among which a process that writes its pid to {@code loadPid},
   *                perhaps only after the signal
   * @param ready   a file the command writes when it is ready for the signal
   * @param limit   how long the wrapper has to end after the signal
   */
  static Result run(Path scratch, List<String> command, Path ready, Path loadPid, String signal, Duration limit) throws Exception {
    // A signal the test's JVM inherited as ignored (a CI job under nohup) would reach the wrapper ignored: reset.
    List<String> all = new ArrayList<>(List.of("env", "--default-signal=INT,TERM,HUP"));
    all.addAll(command);
    Path output = scratch.resolve("output.txt");
    Process process = new ProcessBuilder(all).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    Optional<ProcessHandle> load = Optional.empty();
    try {
      long deadline = System.nanoTime() + LIMIT.toNanos();
      while (!Files.exists(ready) || Files.readString(ready).isBlank()) {
        assertThat(process.isAlive()).as("the wrapper ended before it was ready: %s", Files.readString(output)).isTrue();
        assertThat(System.nanoTime()).as("the wrapper was not ready within %s", LIMIT).isLessThan(deadline);
        Thread.sleep(50);
      }
      // env has exec'd the wrapper: its pid is the wrapper's.
      assertThat(new ProcessBuilder("kill", "-s", signal, String.valueOf(process.pid())).start().waitFor()).isZero();
      boolean ended = process.waitFor(limit.toSeconds(), TimeUnit.SECONDS);
      assertThat(loadPid).as("the load did not begin: %s", Files.readString(output)).isNotEmptyFile();
      load = ProcessHandle.of(Long.parseLong(Files.readString(loadPid).strip()));
      assertThat(ended).as("the wrapper ended within %s after its %s: %s", limit, signal, Files.readString(output)).isTrue();
      // Signalled with the rest, it has ended before the wrapper: the wrapper waits for every process it signalled.
      Optional<ProcessHandle> leftRunning = load.filter(ProcessHandle::isAlive);
      return new Result(process.exitValue(), Files.readString(output), leftRunning);
    } finally {
      // The load too: started after the signal, it may be no descendant of the wrapper's any more.
      load.ifPresent(ProcessHandle::destroyForcibly);
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
