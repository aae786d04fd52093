package lab.portexhaustion.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import lab.portexhaustion.run.NetworkNamespaces;
import org.junit.jupiter.api.Test;

/**
 * A mongodb+srv string whose DNS lookup fails, which the driver makes as it reads the string: refused with the setting
 * named and the password masked, not a crash with a stack trace. Read in a network namespace of its own, with no network,
 * so that the lookup fails here whatever this machine's resolver would answer.
 */
class SrvLookupFailureTest {

  @Test
  void aMongodbSrvStringWhoseLookupFailsIsRefusedWithTheSettingNamed() throws Exception {
    NetworkNamespaces.assumeAvailable();
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder("unshare", "--user", "--map-root-user", "--net", java, "-cp",
        System.getProperty("java.class.path"), SrvLookupMain.class.getName(), "mongodb+srv://bob:Hunter2@cluster0.portlab.invalid/db")
        .redirectErrorStream(true).start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child ends").isTrue();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(output).as(output)
        .contains("refused: Setting 'uri' (mongodb+srv://bob:****@cluster0.portlab.invalid/db) names its hosts through DNS"
            + " (mongodb+srv), and the lookup failed: Failed looking up TXT record for host cluster0.portlab.invalid.")
        .doesNotContain("Hunter2", "\tat ");
  }
}
