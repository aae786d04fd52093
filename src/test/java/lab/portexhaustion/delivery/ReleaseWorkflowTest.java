package lab.portexhaustion.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.portexhaustion.ThisPom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release workflow, which no one runs until the project has a public repository: held to the pom it publishes
 * (the profile it calls, the Java version, the metadata Maven Central refuses an artifact without) and to the
 * secrets it names, so that the first tag does not find out.
 */
class ReleaseWorkflowTest {

  private static JsonNode workflow;

  @BeforeAll
  static void read() throws Exception {
    workflow = new ObjectMapper(new YAMLFactory()).readTree(Path.of(".github/workflows/release.yml").toFile());
  }

  @Test
  void runsOnAVersionTagOnly() {
    JsonNode on = workflow.get("on");

    assertThat(on.fieldNames()).toIterable().containsExactly("push");
    assertThat(on.at("/push/tags")).hasSize(1);
    assertThat(on.at("/push/tags/0").asText()).isEqualTo("v*");
    assertThat(on.at("/push/branches").isMissingNode()).isTrue();
  }

  @Test
  void publishesWithTheReleaseProfileThePomHasOnTheJavaThePomCompilesFor() {
    List<JsonNode> steps = steps();
    String runs = runs(steps);

    assertThat(runs).contains("-Prelease deploy", "v$version", "$GITHUB_REF_NAME");
    assertThat(text("count(/project/profiles/profile[id='release'])")).isEqualTo("1");
    assertThat(text("/project/profiles/profile[id='release']/build/plugins/plugin/artifactId"))
        .as("the first plugin of the profile signs").isEqualTo("maven-gpg-plugin");
    assertThat(text("/project/profiles/profile[id='release']/build/plugins/plugin[artifactId='central-publishing-maven-plugin']/extensions"))
        .isEqualTo("true");
    JsonNode java = steps.stream().filter(s -> s.path("uses").asText().startsWith("actions/setup-java@")).findFirst().orElseThrow();
    assertThat(java.at("/with/java-version").asText()).isEqualTo(text("/project/properties/maven.compiler.release"));
    // The credentials the publishing plugin looks up under its server id.
    assertThat(java.at("/with/server-id").asText())
        .isEqualTo(text("/project/profiles/profile[id='release']//plugin[artifactId='central-publishing-maven-plugin']/configuration/publishingServerId"));
  }

  @Test
  void theTagCheckReadsTheVersionThroughMavenColourCodes(@TempDir Path dir) throws Exception {
    TagCheck check = tagCheck(dir, "0.2.0", "v0.2.0");

    assertThat(check.exitCode()).as(check.stderr()).isZero();
  }

  @Test
  void theTagCheckRefusesASnapshotTheTagNames(@TempDir Path dir) throws Exception {
    TagCheck check = tagCheck(dir, "0.2.0-SNAPSHOT", "v0.2.0-SNAPSHOT");

    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.stderr()).contains("pom.xml says 0.2.0-SNAPSHOT, a snapshot");
  }

  private record TagCheck(int exitCode, String stderr) {}

  /** Runs the step that checks the tag with a stand-in mvn that answers as Maven 3.8 does, colour codes around the value. */
  private static TagCheck tagCheck(Path dir, String pomVersion, String tag) throws Exception {
    String script = steps().stream().filter(step -> step.path("run").asText().contains("help:evaluate")).findFirst().orElseThrow()
        .path("run").asText();
    Path mvn = Files.writeString(dir.resolve("mvn"), "#!/bin/sh\nprintf '\\033[0m%s\\033[0m' \"$POM_VERSION\"\n");
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwx------"));
    ProcessBuilder bash = new ProcessBuilder("bash", "-e", "-c", script).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    bash.environment().put("PATH", dir + ":" + System.getenv("PATH"));
    bash.environment().put("POM_VERSION", pomVersion);
    bash.environment().put("GITHUB_REF_NAME", tag);
    Process process = bash.start();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new TagCheck(process.waitFor(), stderr);
  }

  @Test
  void secretsAreReadByNameAndNeverWrittenIn() {
    String text = workflow.toString();

    List<String> secrets = new ArrayList<>();
    Matcher m = Pattern.compile("\\$\\{\\{ *secrets\\.(\\w+) *}}").matcher(text);
    while (m.find()) {
      secrets.add(m.group(1));
    }
    assertThat(secrets).containsExactlyInAnyOrder("GPG_PRIVATE_KEY", "CENTRAL_USERNAME", "CENTRAL_TOKEN", "GPG_PASSPHRASE");
    assertThat(workflow.at("/permissions/contents").asText()).isEqualTo("read");
    assertThat(workflow.at("/jobs/publish/timeout-minutes").asInt()).isBetween(1, 60);
  }

  @Test
  void thePomCarriesWhatMavenCentralAsksFor() {
    for (String field : List.of("name", "description", "url", "licenses/license/name", "developers/developer/name", "scm/url",
        "scm/connection")) {
      assertThat(text("/project/" + field)).as(field).isNotBlank();
    }
    assertThat(text("/project/licenses/license/name")).isEqualTo("Apache-2.0");
    assertThat(Path.of("LICENSE")).content().contains("Apache License", "Version 2.0");
    assertThat(text("/project/build/plugins/plugin[artifactId='maven-source-plugin']//goal")).isEqualTo("jar-no-fork");
    assertThat(text("/project/build/plugins/plugin[artifactId='maven-javadoc-plugin']//goal")).isEqualTo("jar");
  }

  private static List<JsonNode> steps() {
    List<JsonNode> steps = new ArrayList<>();
    workflow.at("/jobs/publish/steps").forEach(steps::add);
    return steps;
  }

  private static String runs(List<JsonNode> steps) {
    StringBuilder text = new StringBuilder();
    steps.forEach(step -> text.append(step.path("run").asText()).append('\n'));
    return text.toString();
  }

  private static String text(String xpath) {
    return ThisPom.text(xpath);
  }
}
