package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code mvn gatling:test} of two simulations, the pom passing the harness nothing but the plugin's own
 * {@code resultsFolder}: the harness finds that folder in Gatling's arguments, both runs are one batch, named after
 * the Maven JVM that forked them, and the comparison beside them holds both.
 */
class PluginResultsFolderEndToEndIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void theRunsOfOneBuildGoToThePluginsResultsFolderAsOneBatch() throws Exception {
    Path results = dir.resolve("gatling-results");

    MavenGatlingRun.Result run = MavenGatlingRun.run(Map.of(), dir.resolve("mvn.log"), Duration.ofMinutes(8), "-o", "-Pexamples",
        "-Dgatling.resultsFolder=" + results, "-Dtarget=embedded", "-Dload.startRate=5", "-Dload.peakRate=30",
        "-Dload.rampTime=2s", "-Dload.holdTime=3s");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.gatlingJvms()).as("one fork per simulation, told nothing by a -D of the harness's; %s", run.seen()).hasSize(2)
        .allSatisfy(commandLine -> assertThat(commandLine).doesNotContain("-Dportexhaustionlab."));
    long maven = run.mavenPid();

    List<JsonNode> summaries = new ArrayList<>();
    try (Stream<Path> folders = Files.list(results)) {
      for (Path folder : folders.filter(f -> Files.exists(f.resolve("harness/summary.json"))).toList()) {
        summaries.add(JSON.readTree(folder.resolve("harness/summary.json").toFile()));
      }
    }
    assertThat(summaries).map(s -> s.get("simulation").asText())
        .containsExactlyInAnyOrder("SessionStoreSimulation", "SessionStorePooledSimulation");
    assertThat(summaries).map(s -> s.get("batch").asText()).allMatch(batch -> batch.matches("\\d{8}-\\d{6}-pid" + maven));

    JsonNode table = JSON.readTree(results.resolve("comparison/comparison.json").toFile()).get("table");
    assertThat(table).hasSize(2);
  }
}
