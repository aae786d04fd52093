package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.sockets.ClosedPort;
import lab.portexhaustion.target.DockerAvailability;
import lab.portexhaustion.target.EmbeddedMongoTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input ends a real simulation JVM before any load: a clear paragraph naming the setting, a
 * non-zero exit, no stack trace, nothing left in the results folder.
 */
class SetupFailureEndToEndIT {

  private static final String PASSWORD = "Tr0ub4dor-and-3";

  @TempDir
  Path results;

  private GatlingProcess.Result run(String... properties) throws Exception {
    return GatlingProcess.run("RawSocketSimulation", results, 120, properties);
  }

  private void assertStoppedBeforeLoad(GatlingProcess.Result result) throws Exception {
    assertThat(result.exitCode()).as(result.output()).isEqualTo(ProcessExit.Code.SETUP_FAILED.status());
    assertThat(result.output()).contains("did not start; no load was sent").doesNotContain("\tat ", "Exception in thread");
    try (Stream<Path> left = Files.list(results)) {
      assertThat(left).as("files left in results/").isEmpty();
    }
  }

  @Test
  void anUnknownTarget() throws Exception {
    GatlingProcess.Result result = run("target=mongo");

    assertStoppedBeforeLoad(result);
    assertThat(result.output()).contains("Setting 'target' has the value 'mongo'", "auto | embedded | container | uri");
  }

  @Test
  void aMalformedUri() throws Exception {
    GatlingProcess.Result result = run("target=uri", "uri=mongodb//db.example:27017");

    assertStoppedBeforeLoad(result);
    assertThat(result.output()).contains("Setting 'uri'", "is not a valid MongoDB connection string");
  }

  @Test
  void aNegativeRate() throws Exception {
    GatlingProcess.Result result = run("load.startRate=-3");

    assertStoppedBeforeLoad(result);
    assertThat(result.output()).contains("Setting 'load.startRate' has the value '-3'");
  }

  @Test
  void aSettingsFileThatIsNotThere() throws Exception {
    Path missing = results.resolve("nope.conf");

    GatlingProcess.Result result = run("harness.config=" + missing);

    assertStoppedBeforeLoad(result);
    assertThat(result.output()).contains("Setting 'harness.config' names the settings file '" + missing + "', which does not exist");
  }

  @Test
  void anIdleTimeoutTooShortForTheProbe() throws Exception {
    GatlingProcess.Result result = run("embedded.idleTimeout=1ms");

    assertStoppedBeforeLoad(result);
    assertThat(result.output()).contains("Setting 'embedded.idleTimeout' has the value '1ms'", "at least 1s");
  }

  @Test
  void containerWithoutDocker() throws Exception {
    assumeTrue(DockerAvailability.whyUnavailable().isPresent(), "Docker is available here");

    GatlingProcess.Result result = run("target=container");

    assertStoppedBeforeLoad(result);
    assertThat(result.output()).contains("Setting 'target' is 'container'", "-Dtarget=embedded", "Testcontainers looked at DOCKER_HOST");
  }

  @Test
  void anUnreachableUri() throws Exception {
    try (ClosedPort closed = ClosedPort.held()) {
      GatlingProcess.Result result = run("target=uri", "uri=mongodb://127.0.0.1:" + closed.port(), "timeouts.serverSelection=1s");

      assertStoppedBeforeLoad(result);
      assertThat(result.output()).contains("refused the connection (ECONNREFUSED Connection refused) throughout the probe's wait of"
          + " 10 s, the longer of timeouts.serverSelection (1 s) and 10 s").doesNotContain("did not answer");
    }
  }

  @Test
  void aUriPasswordIsNeverShown() throws Exception {
    // mongo-java-server has no authentication, so the run stops at the target probe: the path
    // where a driver error message would be most likely to carry the connection string.
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test")) {
      String uri = "mongodb://alice:" + PASSWORD + "@" + server.description().address() + "/?authSource=admin";

      GatlingProcess.Result result = run("target=uri", "uri=" + uri, "timeouts.serverSelection=1s");

      assertStoppedBeforeLoad(result);
      assertThat(result.output()).contains("mongodb://alice:****@", "turned down the credentials in 'uri'")
          .doesNotContain(PASSWORD, "did not answer");
    }
  }

  @Test
  void aUrisSessionTokenAndKeyPasswordAreNeverShown() throws Exception {
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test")) {
      String uri = "mongodb://AKIAXXX:" + PASSWORD + "@" + server.description().address() + "/?authMechanism=MONGODB-AWS"
          + "&authMechanismProperties=AWS_SESSION_TOKEN:SessTok3nSECRET&tlsCertificateKeyFilePassword=K3yPassSECRET";

      GatlingProcess.Result result = run("target=uri", "uri=" + uri, "timeouts.serverSelection=1s");

      assertStoppedBeforeLoad(result);
      assertThat(result.output()).contains("mongodb://AKIAXXX:****@").doesNotContain(PASSWORD, "SessTok3n", "K3yPass");
    }
  }
}
