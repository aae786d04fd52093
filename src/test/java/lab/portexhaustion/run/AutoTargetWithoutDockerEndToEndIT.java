package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import lab.portexhaustion.target.DockerAvailability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a host without Docker, target=auto says so in the target's one line and nothing else: no Testcontainers ERROR, no stack trace. */
class AutoTargetWithoutDockerEndToEndIT {

  @TempDir
  Path results;

  @Test
  void theTargetLineSaysNoDockerHereAndTestcontainersSaysNothing() throws Exception {
    assumeTrue(DockerAvailability.whyUnavailable().isPresent(), "Docker is available here");

    GatlingProcess.Result result = GatlingProcess.run("RawSocketSimulation", results, 180, "load.startRate=5", "load.peakRate=10",
        "load.rampTime=1s", "load.holdTime=1s");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output().lines().filter(line -> line.contains("no Docker here")))
        .singleElement().asString().contains("embedded target", "chosen by target=auto: no Docker here");
    assertThat(result.output()).doesNotContain("DockerClientProviderStrategy", "NullPointerException", "testcontainers", "\tat ")
        .doesNotContainPattern("\\d ERROR ");
  }
}
