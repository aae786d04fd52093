package lab.portexhaustion.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one exit: a failure thrown below an edge ends the JVM there with its code and its message alone; a failed
 * verdict's code replaces the status the JVM ends with; the table of codes is the one docs/verdict.md gives.
 */
class ProcessExitTest {

  /** A row of the exit-code table in docs/verdict.md: | code | program | when |. */
  private static final Pattern TABLE_ROW = Pattern.compile("^\\| (\\d+) \\|", Pattern.MULTILINE);

  @Test
  void aProgramFailureEndsTheJvmWithItsCodeAndItsMessageAlone() throws Exception {
    TimedProcess.Result result = runExitingMain("failure");

    assertThat(result.exitCode()).isEqualTo(ProcessExit.Code.SETUP_FAILED.status());
    assertThat(result.errors()).isEqualTo(ExitingMain.MESSAGE + System.lineSeparator());
  }

  @Test
  void aCodeSetForShutdownReplacesTheStatusTheJvmEndsWith() throws Exception {
    TimedProcess.Result result = runExitingMain("endWith");

    assertThat(result.output()).contains("report written");
    assertThat(result.exitCode()).isEqualTo(ProcessExit.Code.VERDICT_FAILED.status());
  }

  /** A run's report cut as a signal ends the JVM is left to the signal's code: the JVM tells it is ending. */
  @Test
  void aJvmTellsWhetherItIsEnding() throws Exception {
    TimedProcess.Result result = runExitingMain("ending");

    assertThat(result.output()).contains("before the end: false", "in a hook: true");
  }

  @Test
  void eachEndIsRecordedWhereScriptsLabTestReadsIt(@TempDir Path folder) throws Exception {
    Path record = folder.resolve("exit-codes");

    runExitingMain("endWith", record);
    List<String> simulation = Files.readAllLines(record);
    Files.delete(record);
    runExitingMain("failure", record);

    assertThat(simulation).as("crashed until it ends, then its code").startsWith("1 ExitingSimulation", "2 ExitingSimulation")
        .allMatch(line -> line.endsWith(" ExitingSimulation"));
    assertThat(Files.readAllLines(record)).as("a refusal, in a JVM that began no simulation").first().isEqualTo("3 -");
  }

  /**
   * A TERM sent to a simulation's JVM alone (mvn then ends with 1 as for a crash) is recorded as the interruption it
   * is, 143, where scripts/lab-test reads it; the JVM still ends as a TERM ends it.
   */
  @Test
  void aTermThatEndsASimulationsJvmIsRecordedAsAnInterruptionNotACrash(@TempDir Path folder) throws Exception {
    Path record = folder.resolve("exit-codes");
    assertThat(endedByTerm("awaitSignal", record)).isEqualTo(143);
    assertThat(Files.readAllLines(record)).containsExactly("1 ExitingSimulation", "143 ExitingSimulation");
  }

  /**
   * A code set once the JVM has begun to end on a TERM (a report the disk cuts as the signal arrives) is not recorded:
   * the JVM ends with the signal's code, and the record says that code, last.
   */
  @Test
  void aCodeSetAsASignalEndsTheJvmIsNotRecordedOverTheSignals(@TempDir Path folder) throws Exception {
    Path record = folder.resolve("exit-codes");
    assertThat(endedByTerm("endWithAsTermEnds", record)).isEqualTo(143);
    assertThat(Files.readAllLines(record)).containsExactly("1 ExitingSimulation", "143 ExitingSimulation");
  }

  /**
   * A HUP, what a closed terminal or a lost SSH session sends, ends a simulation's JVM as the JVM's own handler does
   * (129, shutdown hooks run), and is recorded as the interruption it is, not left at "crashed".
   */
  @Test
  void aHupThatEndsASimulationsJvmIsRecordedAsAnInterruptionNotACrash(@TempDir Path folder) throws Exception {
    Path record = folder.resolve("exit-codes");
    ProcessBuilder inTerminal = exitingMain("awaitSignal", record);
    // As in a terminal: a JVM that starts with HUP ignored (under nohup, as a CI job may run this test) leaves it
    // ignored and goes on, so the child gets HUP's default whatever this JVM inherited (env execs java: the same pid).
    List<String> command = new ArrayList<>(List.of("env", "--default-signal=HUP"));
    command.addAll(inTerminal.command());
    Process java = inTerminal.command(command).start();
    try (BufferedReader output = new BufferedReader(new InputStreamReader(java.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(output.readLine()).isEqualTo("began");
      assertThat(new ProcessBuilder("kill", "-HUP", String.valueOf(java.pid())).start().waitFor()).isZero();
      assertThat(java.waitFor(30, TimeUnit.SECONDS)).as("ended by its HUP").isTrue();
    } finally {
      java.destroyForcibly();
    }

    assertThat(java.exitValue()).isEqualTo(129);
    assertThat(Files.readAllLines(record)).containsExactly("1 ExitingSimulation", "129 ExitingSimulation");
  }

  @Test
  void inProcessAStepsValueComesBackAndAFaultPassesThrough() {
    assertThat(ProcessExit.exitOnFailure(() -> "built")).isEqualTo("built");
    assertThatThrownBy(() -> ProcessExit.exitOnFailure(() -> {
      throw new IllegalStateException("a fault");
    })).isInstanceOf(IllegalStateException.class).hasMessage("a fault");
  }

  @Test
  void theCodesAreTheOnesDocsVerdictMdGives() throws Exception {
    String page = Files.readString(Path.of("docs/verdict.md"));
    String section = page.substring(page.indexOf("## Exit codes")).split("\n## ")[0];
    Matcher rows = TABLE_ROW.matcher(section);
    List<Integer> documented = rows.results().map(row -> Integer.parseInt(row.group(1))).sorted().toList();

    assertThat(documented).isEqualTo(Arrays.stream(ProcessExit.Code.values()).map(ProcessExit.Code::status).sorted().toList());
  }

  /** The codes the wrapper scripts name in their own words (a case label per code) are in the same table. */
  @Test
  void theCodesTheScriptsNameAreInDocsVerdictMdToo() throws Exception {
    String page = Files.readString(Path.of("docs/verdict.md"));
    String section = page.substring(page.indexOf("## Exit codes")).split("\n## ")[0];
    List<String> documented = Pattern.compile("^\\| ([\\d, ]+) \\|", Pattern.MULTILINE).matcher(section).results()
        .flatMap(row -> Arrays.stream(row.group(1).split(", "))).toList();
    // A case label on a line of its own or after "case ... in", and an array of codes by signal ([129]=HUP).
    Pattern caseLabel = Pattern.compile("(?:^\\s+|\\bin\\s+)([\\d|]+)\\) |\\[(\\d+)\\]=", Pattern.MULTILINE);
    List<String> named = Stream.of("scripts/fleet-run", "src/main/resources/lab/portexhaustion/launch/lab-test")
        .flatMap(script -> caseLabel.matcher(read(script)).results())
        .flatMap(label -> Arrays.stream((label.group(1) != null ? label.group(1) : label.group(2)).split("\\|")))
        .distinct().toList();

    assertThat(named).as("the codes the scripts name").contains("2", "124", "129", "130", "143");
    assertThat(documented).containsAll(named);
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@link ExitingMain}, sends it a TERM once it says it began, and returns its exit status. */
  private static int endedByTerm(String how, Path record) throws Exception {
    Process java = exitingMain(how, record).start();
    try (BufferedReader output = new BufferedReader(new InputStreamReader(java.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(output.readLine()).isEqualTo("began");
      java.destroy(); // TERM
      assertThat(java.waitFor(30, TimeUnit.SECONDS)).as("ended by its TERM").isTrue();
    } finally {
      java.destroyForcibly();
    }
    return java.exitValue();
  }

  private static TimedProcess.Result runExitingMain(String how) throws Exception {
    return runExitingMain(how, null);
  }

  /** Runs {@link ExitingMain}, recording its codes in {@code record} where one is given. */
  private static TimedProcess.Result runExitingMain(String how, Path record) throws Exception {
    return TimedProcess.run(exitingMain(how, record), Duration.ofSeconds(30));
  }

  private static ProcessBuilder exitingMain(String how, Path record) {
    ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ExitingMain.class.getName(), how);
    java.environment().remove(ExitRecord.VARIABLE);
    if (record != null) {
      java.environment().put(ExitRecord.VARIABLE, record.toString());
    }
    return java;
  }
}
