package lab.portexhaustion.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import lab.portexhaustion.process.TimedProcess;
import lab.portexhaustion.target.EmbeddedMongoTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two scripts of the harness image (docker/harness-bin/), run here as the pods of deploy/kubernetes/ run them:
 * two injectors at once into one results folder, then the collector's merge. The target is an embedded server of this
 * test's on loopback instead of the cluster's mongod, one for both injectors as the mongod is (a merge refuses runs of
 * different targets); the classpath this test's instead of the image's layout.
 */
class FleetScriptsIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path results;

  static EmbeddedMongoTarget server;
  static TimedProcess.Result injector0;
  static TimedProcess.Result injector1;

  @BeforeAll
  static void twoInjectorsAtOnce() throws Exception {
    server = EmbeddedMongoTarget.start("the injectors' one server");
    CompletableFuture<TimedProcess.Result> first = CompletableFuture.supplyAsync(() -> injector(0));
    injector1 = injector(1);
    injector0 = first.get();
  }

  @AfterAll
  static void stopTheServer() {
    if (server != null) {
      server.close();
    }
  }

  /** No wait for TIME_WAIT to drain: the other injector's target probe may leave some toward the shared server. */
  private static TimedProcess.Result injector(int index) {
    try {
      return script("run-injector", Map.of("JOB_COMPLETION_INDEX", String.valueOf(index), "SIMULATIONS", "PooledSimulation",
          "MONGODB_URI", "mongodb://" + server.description().address() + "/?directConnection=true",
          "HARNESS_OPTS", "-DcleanStart.maxDrainWait=0s -Dload.startRate=10 -Dload.peakRate=40 -Dload.rampTime=2s -Dload.holdTime=3s"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static TimedProcess.Result script(String name, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(Path.of("docker/harness-bin", name).toAbsolutePath().toString())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(env);
    builder.environment().put("RESULTS", results.toString());
    builder.environment().put("HARNESS_CLASSPATH", System.getProperty("java.class.path"));
    builder.environment().put("JAVA_OPTS", "-Xmx384m");
    builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));
    return TimedProcess.run(builder, Duration.ofSeconds(240));
  }

  @Test
  void eachInjectorWritesItsRunsUnderItsIndexAndLeavesItsDoneFile() throws Exception {
    for (int index = 0; index < 2; index++) {
      TimedProcess.Result result = index == 0 ? injector0 : injector1;
      assertThat(result.exitCode()).as(result.output()).isZero();
      Path client = results.resolve("client-" + index);
      assertThat(client.resolve("done")).content().isEqualToIgnoringNewLines("PooledSimulation 0");
      try (Stream<Path> runs = Files.list(client)) {
        assertThat(runs.filter(r -> r.getFileName().toString().startsWith("pooledsimulation-")))
            .singleElement().satisfies(run -> assertThat(run.resolve("harness/requests.hlog")).isNotEmptyFile());
      }
    }
  }

  @Test
  void theCollectorWaitsForEveryInjectorBoundedlyAndMergesTheirRuns() throws Exception {
    TimedProcess.Result collector = script("merge-fleet", Map.of("EXPECTED_CLIENTS", "3", "WAIT_SECONDS", "2", "KEEP_SECONDS", "0"));

    assertThat(collector.exitCode()).as(collector.output() + collector.errors()).isZero();
    assertThat(collector.output() + collector.errors()).contains("only 2 of 3 injectors finished within 2 s", "| **all 2** |");
    long ok = 0;
    for (int index = 0; index < 2; index++) {
      try (Stream<Path> runs = Files.list(results.resolve("client-" + index))) {
        Path run = runs.filter(r -> r.getFileName().toString().startsWith("pooledsimulation-")).findFirst().orElseThrow();
        ok += JSON.readTree(run.resolve("harness/summary.json").toFile()).at("/requests/ok").asLong();
      }
    }
    JsonNode merged = JSON.readTree(results.resolve("merged/pooledsimulation/merged.json").toFile());
    assertThat(ok).isPositive();
    assertThat(merged.at("/total/ok").asLong()).isEqualTo(ok);
    assertThat(merged.get("clients")).extracting(c -> c.get("client").asText())
        .allMatch(name -> name.matches("client-[01]/pooledsimulation-\\d+"));
    assertThat(List.of("merged.md", "requests.hlog")).allSatisfy(f -> assertThat(results.resolve("merged/pooledsimulation/" + f)).isNotEmptyFile());
  }
}
