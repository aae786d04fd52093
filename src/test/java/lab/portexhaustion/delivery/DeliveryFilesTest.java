package lab.portexhaustion.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import lab.portexhaustion.process.TimedProcess;
import org.junit.jupiter.api.Test;

/**
 * The files that run the reproduction where this machine cannot (GitHub Actions, Docker hosts,
 * Windows): parsed, and held to the facts that matter, so a typo fails here rather than at night.
 */
class DeliveryFilesTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern PINNED_ACTION = Pattern.compile("^[\\w.-]+/[\\w.-]+@(v\\d+(\\.\\d+)*|[0-9a-f]{40})$");
  private static final Pattern PINNED_IMAGE = Pattern.compile("^[\\w./-]+:[\\w.-]+$");

  private static JsonNode yaml(String file) throws Exception {
    return YAML.readTree(Path.of(file).toFile());
  }

  private static List<JsonNode> steps(JsonNode job) {
    List<JsonNode> steps = new ArrayList<>();
    job.get("steps").forEach(steps::add);
    return steps;
  }

  private static String runs(JsonNode job) {
    StringBuilder text = new StringBuilder();
    steps(job).forEach(step -> text.append(step.path("run").asText()).append('\n'));
    return text.toString();
  }

  @Test
  void theNightlyWorkflowRunsOnAScheduleAndOnDemand() throws Exception {
    JsonNode on = yaml(".github/workflows/nightly.yml").get("on");

    assertThat(on.at("/schedule/0/cron").asText()).matches("[0-9*/,-]+ [0-9*/,-]+ [0-9*/,-]+ [0-9*/,-]+ [0-9*/,-]+");
    assertThat(on.has("workflow_dispatch")).isTrue();
  }

  @Test
  void everyJobIsBoundedUploadsResultsAndWritesTheSummary() throws Exception {
    JsonNode jobs = yaml(".github/workflows/nightly.yml").get("jobs");

    assertThat(jobs.fieldNames()).toIterable().containsExactlyInAnyOrder("linux-container", "linux-namespace", "windows");
    jobs.forEach(job -> {
      assertThat(job.path("timeout-minutes").asInt()).isBetween(1, 60);
      assertThat(steps(job)).anyMatch(step -> step.path("uses").asText().startsWith("actions/upload-artifact@")
          && step.at("/with/path").asText().equals("results/") && step.path("if").asText().equals("always()"));
      assertThat(runs(job)).contains("GITHUB_STEP_SUMMARY");
      assertThat(steps(job)).anyMatch(step -> step.at("/with/cache").asText().equals("maven"));
    });
  }

  @Test
  void everyActionIsPinnedToAVersion() throws Exception {
    yaml(".github/workflows/nightly.yml").get("jobs").forEach(job -> steps(job).stream()
        .filter(step -> step.has("uses"))
        .forEach(step -> assertThat(step.get("uses").asText()).matches(PINNED_ACTION)));
  }

  @Test
  void eachJobRunsItsReproductionWithExpectationsOn() throws Exception {
    JsonNode jobs = yaml(".github/workflows/nightly.yml").get("jobs");

    assertThat(runs(jobs.get("linux-container")))
        .contains("sudo sysctl -w net.ipv4.ip_local_port_range=", "sudo sysctl -w net.ipv4.tcp_tw_reuse=0", "-Dtarget=container",
            "-Dverdict.enabled=on", "scripts/compare --history trend");
    assertThat(runs(jobs.get("linux-namespace"))).contains("scripts/contained-run", "--range 40000-40999", "--nofile 2048", "-Pidle-connections");
    assertThat(runs(jobs.get("windows"))).contains("scripts/windows-reproduce.ps1", "WSAENOBUFS");
    assertThat(steps(jobs.get("linux-container"))).anyMatch(step -> step.at("/with/name").asText().equals("comparison-trend")
        && step.path("uses").asText().startsWith("actions/upload-artifact@"));
  }

  @Test
  void theComposeLoadGeneratorNarrowsItsOwnPortRangeAgainstAPinnedMongo() throws Exception {
    JsonNode services = yaml("docker/compose.yaml").get("services");

    services.forEach(service -> assertThat(service.get("image").asText()).matches(PINNED_IMAGE).doesNotEndWith(":latest"));
    assertThat(services.at("/mongo/image").asText()).startsWith("mongo:");
    JsonNode loadgen = services.get("loadgen");
    assertThat(loadgen.at("/sysctls/net.ipv4.ip_local_port_range").asText()).matches("\\d{4,5} \\d{4,5}");
    assertThat(loadgen.at("/sysctls/net.ipv4.tcp_tw_reuse").asText()).isEqualTo("0");
    assertThat(loadgen.at("/depends_on/mongo/condition").asText()).isEqualTo("service_healthy");
    assertThat(loadgen.get("volumes").toString()).contains("..:/lab");
    assertThat(loadgen.get("command").toString()).contains("gatling:test", "-Dtarget=uri", "mongodb://mongo:27017");
  }

  @Test
  void theComposeFileValidatesWithTheDockerComposeClient() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/docker-compose")), "no docker-compose client here");

    TimedProcess.Result config = TimedProcess.run(
        new ProcessBuilder("docker-compose", "-f", "docker/compose.yaml", "config", "-q").redirectErrorStream(true), Duration.ofSeconds(60));

    assertThat(config.exitCode()).as(config.output()).isZero();
  }

  @Test
  void theWindowsScriptAlwaysRestoresTheRangeAndRespectsWindowsLimits() throws Exception {
    String script = Files.readString(Path.of("scripts/windows-reproduce.ps1"));

    assertThat(script).contains("[ValidateRange(255, 16384)]", "netsh int ipv4 set dynamicport tcp start=$StartPort num=$NumberOfPorts");
    String restore = script.substring(script.indexOf("finally {"));
    assertThat(restore).contains("netsh int ipv4 set dynamicport tcp start=$($previous.Start) num=$($previous.Count)");
    assertThat(script.indexOf("$previous = Get-DynamicPortRange")).isLessThan(script.indexOf("try {"));
  }
}
