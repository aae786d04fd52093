package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.app.Gatling$;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import lab.portexhaustion.record.GatlingLaunch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A MongoDsl simulation run by Gatling inside this test's JVM, not forked: Gatling's {@code fromArgs} returns its
 * status instead of exiting, and the harness ends no JVM for a run that passes. The run is whole (the embedded server
 * in its child process, the sampler, the summary) and leaves none of its threads behind.
 */
class InProcessRunIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path results;

  @Test
  void aMongoDslSimulationRunsInThisJvmAndReturnsGatlingsStatus() throws Exception {
    String before = System.getProperty(GatlingLaunch.RESULTS_PROPERTY);
    System.setProperty(GatlingLaunch.RESULTS_PROPERTY, results.toString());
    int status;
    try {
      status = Gatling$.MODULE$.fromArgs(new String[] {
          "--simulation", InProcessSimulation.class.getName(), "--results-folder", results.toString()});
    } finally {
      if (before == null) {
        System.clearProperty(GatlingLaunch.RESULTS_PROPERTY);
      } else {
        System.setProperty(GatlingLaunch.RESULTS_PROPERTY, before);
      }
    }

    assertThat(status).as("Gatling's status, returned to this JVM").isZero();
    Path run;
    try (Stream<Path> folders = Files.list(results)) {
      run = folders.filter(f -> f.getFileName().toString().startsWith("inprocesssimulation-")).findFirst().orElseThrow();
    }
    assertThat(run.resolve("index.html")).isNotEmptyFile();
    JsonNode summary = JSON.readTree(run.resolve("harness/summary.json").toFile());
    assertThat(summary.at("/requests/ok").asLong()).isPositive();
    assertThat(summary.at("/requests/ko").asLong()).isZero();
    assertThat(summary.at("/verdict/passed").asBoolean()).isTrue();
    List<String> ports = Files.readAllLines(run.resolve("harness/ports.csv"));
    assertThat(ports.get(1)).as("ports.csv opens with the full sample the model was made from").contains(",full,");
    assertThat(harnessThreadsAfter(Duration.ofSeconds(5))).as("the harness's threads, once the run is over").isEmpty();
  }

  /** The harness's threads still alive once {@code grace} has passed for them to end. */
  private static List<String> harnessThreadsAfter(Duration grace) throws InterruptedException {
    Instant deadline = Instant.now().plus(grace);
    List<String> alive;
    do {
      alive = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
          .filter(name -> name.startsWith("harness-") || name.startsWith("embedded-server")).toList();
      if (alive.isEmpty()) {
        break;
      }
      Thread.sleep(100);
    } while (Instant.now().isBefore(deadline));
    return alive;
  }
}
