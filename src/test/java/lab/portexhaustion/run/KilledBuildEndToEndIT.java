package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killing the {@code mvn} of a running simulation leaves nothing behind: the gatling-maven-plugin
 * does not take its forked JVM down with it, the harness's watchdog in that JVM does, and leaves a note of why, and when.
 */
class KilledBuildEndToEndIT {

  private static final Duration FORK_START_LIMIT = Duration.ofMinutes(3);
  private static final Duration ORPHAN_LIMIT = Duration.ofSeconds(30);

  @TempDir
  Path results;

  @Test
  void theSimulationJvmEndsWithinThirtySecondsOfItsMavenBeingKilled() throws Exception {
    Process mvn = new ProcessBuilder("mvn", "-B", "-q", "gatling:test", "-Dgatling.simulationClass=PooledSimulation",
        "-Dtarget=embedded", "-Dload.holdTime=120s", "-Dload.maxDuration=180s", "-Dgatling.resultsFolder=" + results)
        .redirectErrorStream(true)
        .redirectOutput(results.resolve("mvn.log").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    try {
      ProcessHandle fork = awaitFork(mvn.toHandle());
      LoadStarted.await(results, FORK_START_LIMIT, mvn.onExit());
      mvn.toHandle().destroyForcibly();
      mvn.waitFor();

      Instant deadline = Instant.now().plus(ORPHAN_LIMIT);
      while (fork.isAlive() && Instant.now().isBefore(deadline)) {
        Thread.sleep(200);
      }
      assertThat(fork.isAlive()).as("the simulation JVM %d is still running %d s after mvn was killed", fork.pid(),
          ORPHAN_LIMIT.toSeconds()).isFalse();
      Path note;
      try (var files = Files.walk(results)) {
        note = files.filter(f -> f.getFileName().toString().equals("ended-by-watchdog.json")).findFirst()
            .orElseThrow(() -> new AssertionError("no ended-by-watchdog.json in the run's harness folder"));
      }
      JsonNode why = new ObjectMapper().readTree(note.toFile());
      assertThat(why.get("reason").asText()).as("why, as the docs promise")
          .matches("the process that started this simulation \\(pid \\d+\\) is gone");
      assertThat(Instant.parse(why.get("endedAt").asText())).as("and when").isAfter(Instant.parse(why.get("startedAt").asText()));
    } finally {
      mvn.descendants().forEach(ProcessHandle::destroyForcibly);
      mvn.destroyForcibly();
    }
  }

  /** The JVM the plugin forks to run Gatling: a descendant of mvn running io.gatling.app.Gatling. */
  private static ProcessHandle awaitFork(ProcessHandle mvn) throws InterruptedException {
    Instant deadline = Instant.now().plus(FORK_START_LIMIT);
    while (Instant.now().isBefore(deadline)) {
      Optional<ProcessHandle> fork = mvn.descendants()
          .filter(p -> p.info().arguments().map(args -> String.join(" ", args).contains("io.gatling.app.Gatling")).orElse(false))
          .findFirst();
      if (fork.isPresent()) {
        return fork.get();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("mvn started no Gatling JVM within " + FORK_START_LIMIT.toMinutes() + " minutes");
  }
}
