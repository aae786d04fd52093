package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.portexhaustion.process.TimedProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At its descriptor limit, with a load that takes every descriptor freed (the leaked-client run), a run writes
 * {@code onset.json} at the onset, not at the end of the run: the reserve gives its descriptors back one at a time,
 * each just before a try at the file. Run in a process of its own under a real descriptor limit ({@code prlimit}).
 */
class OnsetAtDescriptorLimitTest {

  private static final Pattern WRITTEN = Pattern.compile(OnsetAtDescriptorLimitMain.RESULT + "written (\\d+) ms after the onset");

  @TempDir
  Path results;

  @Test
  void onsetJsonIsWrittenAtTheOnsetWhileTheLoadTakesEveryDescriptorFreed() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/prlimit")) && Files.exists(Path.of("/dev/null")),
        "needs prlimit (util-linux) and /dev/null");
    ProcessBuilder child = new ProcessBuilder("/usr/bin/prlimit", "--nofile=512:512", "--",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
        OnsetAtDescriptorLimitMain.class.getName(), results.toString()).redirectErrorStream(true);

    TimedProcess.Result result = TimedProcess.run(child, Duration.ofSeconds(60));

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).as("the onset met the limit").contains(">>> exhaustion onset after")
        .doesNotContain("could not write", "cannot write");
    Matcher written = WRITTEN.matcher(result.output());
    assertThat(written.find()).as(result.output()).isTrue();
    assertThat(Long.parseLong(written.group(1))).as("ms between the onset and onset.json").isLessThan(1_000);
  }
}
