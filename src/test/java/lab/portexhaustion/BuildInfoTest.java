package lab.portexhaustion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import lab.portexhaustion.process.TimedProcess;
import org.junit.jupiter.api.Test;

class BuildInfoTest {

  @Test
  void theCommitIsTheOneThisCheckoutWasBuiltFromOrUnknownOutsideGit() throws Exception {
    TimedProcess.Result head = TimedProcess.run(new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD"), Duration.ofSeconds(10));

    String expected = head.exitCode() == 0 ? head.output().trim() : "unknown";
    assertThat(BuildInfo.gitCommit()).isEqualTo(expected);
  }

  @Test
  void theVersionIsThePomsAsTheBuildFilteredItIn() {
    assertThat(BuildInfo.harnessVersion()).isEqualTo(ThisPom.text("/project/version")).doesNotContain("${");
  }
}
