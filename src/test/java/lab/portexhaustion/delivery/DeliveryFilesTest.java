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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.portexhaustion.process.TimedProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void theContainerJobEndsWithTheSimulationsOwnCodeNotMavens() throws Exception {
    // mvn alone ends with 1 for a failed verdict, a refused setup and a lost target alike; lab-test tells them apart.
    String simulations = steps(yaml(".github/workflows/nightly.yml").at("/jobs/linux-container")).stream()
        .map(step -> step.path("run").asText()).filter(run -> run.contains("-Dtarget=container")).findFirst().orElseThrow();

    assertThat(simulations).startsWith("scripts/lab-test ").doesNotContain("gatling:test");
  }

  @Test
  void theTrendComesFromTheNewestFinishedRunThatHoldsIt() throws Exception {
    List<JsonNode> steps = steps(yaml(".github/workflows/nightly.yml").at("/jobs/linux-container"));
    JsonNode download = steps.stream().filter(step -> step.path("uses").asText().startsWith("dawidd6/action-download-artifact@"))
        .findFirst().orElseThrow();
    JsonNode upload = steps.stream().filter(step -> step.path("uses").asText().startsWith("actions/upload-artifact@")
        && step.at("/with/name").asText().equals("comparison-trend")).findFirst().orElseThrow();

    // The action filters runs by conclusion or status: empty takes the run in progress (this one),
    // which has no trend yet; "success" would drop the failed nights, whose trend is uploaded too.
    // Artifacts are only looked at with search_artifacts.
    assertThat(download.at("/with/workflow_conclusion").asText()).isEqualTo("completed");
    assertThat(download.at("/with/search_artifacts").asBoolean()).isTrue();
    assertThat(download.at("/with/name").asText()).isEqualTo(upload.at("/with/name").asText());
    assertThat(download.at("/with/path").asText().replaceAll("/$", "")).isEqualTo(upload.at("/with/path").asText().replaceAll("/$", ""));
    assertThat(upload.path("if").asText()).isEqualTo("always()");
    assertThat(steps.indexOf(download)).isLessThan(steps.indexOf(upload));
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
    assertThat(loadgen.get("command").toString()).contains("mvn -B -ntp gatling:test", "-Dtarget=uri", "mongodb://mongo:27017");
  }

  @Test
  void theComposeLoadGeneratorBuildsIntoAVolumeNotTheHostsTarget() throws Exception {
    JsonNode compose = yaml("docker/compose.yaml");
    String command = compose.at("/services/loadgen/command/2").asText();
    Matcher buildDirectory = Pattern.compile("-Dlab\\.buildDirectory=(\\S+)").matcher(command);

    assertThat(buildDirectory.find()).as(command).isTrue();
    assertThat(buildDirectory.group(1)).doesNotStartWith("/lab").doesNotStartWith(".");
    List<String> volumes = new ArrayList<>();
    compose.at("/services/loadgen/volumes").forEach(v -> volumes.add(v.asText()));
    String buildVolume = volumes.stream().filter(v -> v.endsWith(":" + buildDirectory.group(1))).findFirst().orElseThrow();
    assertThat(compose.at("/volumes").has(buildVolume.substring(0, buildVolume.indexOf(':')))).as("a named volume").isTrue();
    assertThat(Files.readString(Path.of("pom.xml"))).contains("<directory>${lab.buildDirectory}</directory>");
  }

  @Test
  void theComposeLoadGeneratorHandsResultsToTheProjectsOwnerAndKeepsMavensExitCode(@TempDir Path project) throws Exception {
    assumeTrue("0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).trim()),
        "chown needs root, as the container has");
    String command = yaml("docker/compose.yaml").at("/services/loadgen/command/2").asText().replace("$$", "$");
    // Maven stands in: it writes results as root, the way the container's run does, and fails as a failed verdict does.
    Path bin = Files.createDirectories(project.resolve("bin"));
    Files.writeString(bin.resolve("mvn"), "#!/bin/sh\nmkdir -p results/pooledsimulation-1 && echo x > results/pooledsimulation-1/summary.json\nexit 2\n");
    bin.resolve("mvn").toFile().setExecutable(true);
    Path lab = Files.createDirectories(project.resolve("lab"));
    Files.setAttribute(lab, "unix:uid", 4321);
    Files.setAttribute(lab, "unix:gid", 4322);

    ProcessBuilder run = new ProcessBuilder("sh", "-c", command).directory(lab.toFile()).redirectErrorStream(true);
    run.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Process sh = run.start();
    String output = new String(sh.getInputStream().readAllBytes());

    assertThat(sh.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(sh.exitValue()).as(output).isEqualTo(2);
    for (Path file : List.of(lab.resolve("results"), lab.resolve("results/pooledsimulation-1/summary.json"))) {
      assertThat(Files.getAttribute(file, "unix:uid")).as(file.toString()).isEqualTo(4321);
      assertThat(Files.getAttribute(file, "unix:gid")).as(file.toString()).isEqualTo(4322);
    }
  }

  @Test
  void theComposeFileValidatesWithTheDockerComposeClient() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/docker-compose")), "no docker-compose client here");

    TimedProcess.Result config = TimedProcess.run(
        new ProcessBuilder("docker-compose", "-f", "docker/compose.yaml", "config", "-q").redirectErrorStream(true), Duration.ofSeconds(60));

    assertThat(config.exitCode()).as(config.output()).isZero();
  }

  @Test
  void theWindowsScriptAlwaysRestoresBothRangesAndRespectsWindowsLimits() throws Exception {
    String script = Files.readString(Path.of("scripts/windows-reproduce.ps1"));

    assertThat(script).doesNotContain("[ValidateRange(").contains("Set-DynamicPortRange ipv4 $StartPort $NumberOfPorts",
        "Set-DynamicPortRange ipv6 $StartPort $NumberOfPorts", "netsh int $IpVersion set dynamicport tcp start=$Start num=$Count");
    String restore = script.substring(script.indexOf("finally {"));
    assertThat(restore).contains("Set-DynamicPortRange ipv4 $previous4.Start $previous4.Count",
        "Set-DynamicPortRange ipv6 $previous6.Start $previous6.Count");
    int narrowing = script.indexOf("Set-DynamicPortRange ipv4 $StartPort");
    assertThat(script.indexOf("$previous4 = Get-DynamicPortRange ipv4")).isLessThan(script.indexOf("try {"));
    assertThat(script.indexOf("$previous6 = Get-DynamicPortRange ipv6")).isLessThan(script.indexOf("try {"));
    // Out-of-range values end with a wrapper's refusal, 3, before anything changes.
    assertThat(script.indexOf("if ($NumberOfPorts -lt 255 -or $NumberOfPorts -gt 16384) {\n  Stop-Script 3 ")).isBetween(0, narrowing);
    assertThat(script.indexOf("if ($StartPort -lt 1025 -or $StartPort -gt 65280) {\n  Stop-Script 3 ")).isBetween(0, narrowing);
    // A killed console skips finally: the way back is printed before anything changes.
    assertThat(script.indexOf("Write-Host \"windows-reproduce: if this script is killed")).isBetween(0, narrowing);
    assertThat(script.indexOf("$restore = ")).isBetween(0, narrowing);
    // Maven's downloads need ports: they happen while the host has its full range, and the narrowed run is offline.
    assertThat(script.indexOf("-Dgatling.skip=true")).isBetween(0, narrowing);
    assertThat(script.substring(narrowing)).contains("& mvn -B -ntp -o gatling:test @MavenArgs");
  }

  @Test
  void theWindowsScriptExitsWithItsOwnCodesAndReadsNetshByPosition() throws Exception {
    String script = Files.readString(Path.of("scripts/windows-reproduce.ps1"));

    // Under ErrorActionPreference 'Stop', Write-Error ends the script with 1 before any exit of ours.
    assertThat(script).contains("$ErrorActionPreference = 'Stop'").doesNotContainPattern("(?m)^\\s*[^#\\s].*Write-Error");
    // Its refusals are a wrapper's, 3, as the harness's table has them: never 2 (a failed verdict), 4 or 5.
    assertThat(script).contains("Stop-Script 3 ").doesNotContainPattern("Stop-Script [^3]").doesNotContainPattern("exitCode = [245]");
    String stopScript = script.substring(script.indexOf("function Stop-Script"), script.indexOf("}", script.indexOf("function Stop-Script")));
    assertThat(stopScript).contains("exit $Code");
    // English labels would not match on a localised Windows.
    String reader = script.substring(script.indexOf("function Get-DynamicPortRange"), script.indexOf("function Set-DynamicPortRange"));
    assertThat(reader).doesNotContain("Start Port", "Number of Ports").contains("$numbers[0]", "$numbers[1]");
  }

  /** docs/platforms.md names each parameter the Windows script takes, where a Windows user looks for them. */
  @Test
  void theWindowsScriptsParametersAreInThePlatformsPage() throws Exception {
    String script = Files.readString(Path.of("scripts/windows-reproduce.ps1"));
    String params = script.substring(script.indexOf("param("), script.indexOf("\n)", script.indexOf("param(")));
    Matcher parameter = Pattern.compile("(?m)^\\s*\\[[\\w\\[\\]]+\\] \\$(\\w+)").matcher(params);
    List<String> names = new ArrayList<>();
    while (parameter.find()) {
      names.add("-" + parameter.group(1));
    }

    assertThat(names).as("the parameters read from param(...)").contains("-NumberOfPorts");
    assertThat(Files.readString(Path.of("docs/platforms.md"))).contains(names);
  }

  @Test
  void theWindowsScriptsNetshPatternFindsTheRangeInEnglishAndGermanOutput() throws Exception {
    String script = Files.readString(Path.of("scripts/windows-reproduce.ps1"));
    Matcher quoted = Pattern.compile("\\[regex]::Matches\\(\\$text, '([^']+)', 'Multiline'\\)").matcher(script);
    assertThat(quoted.find()).as("the script reads netsh with [regex]::Matches").isTrue();
    // The same pattern means the same here: .NET and Java agree on \\s, \\d and a multiline $.
    Pattern netsh = Pattern.compile(quoted.group(1), Pattern.MULTILINE);

    assertThat(firstTwoNumbers(netsh, "windows/netsh-dynamicport-tcp.txt")).containsExactly(49152, 16384);
    assertThat(firstTwoNumbers(netsh, "windows/netsh-dynamicport-tcp-de.txt")).containsExactly(49152, 1000);
  }

  private static List<Integer> firstTwoNumbers(Pattern pattern, String fixture) throws Exception {
    Matcher m = pattern.matcher(Files.readString(Path.of("src/test/resources/fixtures", fixture)));
    List<Integer> numbers = new ArrayList<>();
    while (m.find() && numbers.size() < 2) {
      numbers.add(Integer.parseInt(m.group(1)));
    }
    return numbers;
  }
}
