package lab.portexhaustion.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import lab.portexhaustion.process.TimedProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * scripts/bench's own check of its arguments, before Maven builds anything: a stand-in {@code mvn} first on the PATH
 * says whether the build was reached, and ends the script there, so no benchmark ever runs here.
 */
class BenchScriptTest {

  private static final String MAVEN_RAN = "MAVEN-RAN";

  @TempDir
  Path bin;

  private TimedProcess.Result bench(String... args) throws Exception {
    Files.writeString(bin.resolve("mvn"), "#!/bin/sh\necho " + MAVEN_RAN + "\nexit 97\n");
    assertThat(bin.resolve("mvn").toFile().setExecutable(true)).isTrue();
    ProcessBuilder builder = new ProcessBuilder("scripts/bench");
    builder.command().addAll(List.of(args));
    builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    return TimedProcess.run(builder, Duration.ofSeconds(30));
  }

  /** The suite's own words (BenchmarkSuite.Options), its exit code 2, then the usage. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--lines|'--lines' needs a comma-separated list.",
      "--seconds --lines pooled|'--seconds' needs a whole number from 10 to 300.",
      "--lines pooled --repetitions|'--repetitions' needs a whole number from 1 to 20.",
      "--concurrency|'--concurrency' needs a whole number from 1 to 256.",
      "--line pooled|unknown option '--line'.",
      "pooled|unknown option 'pooled'."})
  void anArgumentItCannotUseIsRefusedBeforeTheBuild(String args, String problem) throws Exception {
    TimedProcess.Result run = bench(args.split(" "));

    assertThat(run.exitCode()).as(run.errors()).isEqualTo(2);
    assertThat(run.output()).isEmpty();
    assertThat(run.errors()).startsWith("bench: " + problem + "\n\n").contains("scripts/bench [--repetitions N]")
        .doesNotContain(MAVEN_RAN);
  }

  @Test
  void helpPrintsTheUsageAndBuildsNothing() throws Exception {
    TimedProcess.Result run = bench("--help");

    assertThat(run.exitCode()).as(run.errors()).isZero();
    assertThat(run.output()).startsWith("Benchmarks: the harness against bare baselines")
        .contains("--lines a comma-separated list of lines (all by default)", "2 arguments it cannot use").doesNotContain(MAVEN_RAN);
    assertThat(run.errors()).isEmpty();
  }

  @Test
  void argumentsItCanUseGoOnToTheBuild() throws Exception {
    TimedProcess.Result run = bench("--lines", "pooled,churn", "--seconds", "60", "--repetitions", "2", "--concurrency", "4");

    assertThat(run.output()).as(run.errors()).isEqualTo(MAVEN_RAN + "\n");
    assertThat(run.exitCode()).isEqualTo(97);
  }
}
