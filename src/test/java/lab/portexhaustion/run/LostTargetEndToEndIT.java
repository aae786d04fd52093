package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import lab.portexhaustion.embedded.EmbeddedServerMain;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.target.EmbeddedMongoTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose target is lost mid-load proves nothing of the model, whatever the verdict would have said: its verdict
 * is inconclusive, with the moment, in every mode, and the JVM ends with the lost target's own code. A {@code uri}
 * server that stops answering; the embedded server process killed with SIGKILL, as the OOM killer does, in a plain
 * run and in {@code scripts/contained-run}.
 */
class LostTargetEndToEndIT {

  private static final String[] TWENTY_SECONDS_AT_TWENTY = {"load.startRate=20", "load.peakRate=20", "load.rampTime=0s",
      "load.holdTime=20s"};
  private static final Pattern DIED = Pattern.compile(">>> the target process \\(127\\.0\\.0\\.1:\\d+\\) died at (\\d+\\.\\d) s"
      + " \\(signal 9\\): stopping the injection");

  @TempDir
  Path results;

  @Test
  void aUriServerThatStopsAnsweringMidRunIsATargetLost() throws Exception {
    EmbeddedMongoTarget server = EmbeddedMongoTarget.start("the test's own server, stopped mid-load");
    try {
      // The load runs 12 s; the server goes some 4 s into it, however long the simulation's JVM took to start.
      CompletableFuture<Instant> stopped = onceLoaded(Duration.ofSeconds(4), () -> server::close);
      GatlingProcess.Result result = GatlingProcess.run("PooledSimulation", results, 180, "target=uri",
          "uri=mongodb://" + server.description().address() + "/?directConnection=true", "verdict.enabled=on",
          "load.startRate=20", "load.peakRate=20", "load.rampTime=0s", "load.holdTime=12s");

      assertThat(stopped).as("the server was stopped mid-load").isCompleted();

      assertThat(result.exitCode()).as(result.output()).isEqualTo(ProcessExit.Code.TARGET_LOST.status());
      assertThat(result.output())
          .containsPattern("VERDICT INCONCLUSIVE PooledSimulation: the target stopped answering at \\d+\\.\\d s: no request"
              + " succeeded in the \\d+\\.\\d s after, [0-9,]+ timed out or were refused" + CouldNotKeepUp.ALSO_SAID
              + "; not judged: predicted clean");
    } finally {
      server.close();
    }
  }

  @Test
  void anEmbeddedServerKilledMidRunEndsAPlainRunWithTheMomentAndTheSignal() throws Exception {
    CompletableFuture<Instant> killed = killServerOnceLoaded();

    // verdict.enabled=auto, as in a plain mvn gatling:test outside the namespace: expectations not checked.
    GatlingProcess.Result result = GatlingProcess.run("PooledSimulation", results, 180, withTarget(TWENTY_SECONDS_AT_TWENTY));

    assertKilledRunIsTargetLost(result, killed);
  }

  @Test
  void anEmbeddedServerKilledMidRunEndsAContainedRunWithTheSameCode() throws Exception {
    NetworkNamespaces.assumeAvailable();
    CompletableFuture<Instant> killed = killServerOnceLoaded();

    GatlingProcess.Result result = GatlingProcess.run(List.of("scripts/contained-run", "--no-prepare", "--range", "40000-40999", "--"),
        "PooledSimulation", results, 180, withTarget(TWENTY_SECONDS_AT_TWENTY));

    assertKilledRunIsTargetLost(result, killed);
    assertThat(result.output()).contains("lab-test: exit 5 (PooledSimulation): the target was lost");
  }

  private void assertKilledRunIsTargetLost(GatlingProcess.Result result, CompletableFuture<Instant> killed) throws Exception {
    assertThat(killed).as("the server process was found and killed").isCompleted();
    assertThat(result.exitCode()).as(result.output()).isEqualTo(ProcessExit.Code.TARGET_LOST.status());
    Matcher died = DIED.matcher(result.output());
    assertThat(died.find()).as(result.output()).isTrue();
    JsonNode summary = new ObjectMapper().readTree(runFolder().resolve("harness/summary.json").toFile());
    double diedAt = Double.parseDouble(died.group(1));
    double killedAt = Duration.between(Instant.parse(summary.get("startedAt").asText()), killed.get()).toMillis() / 1000.0;
    assertThat(diedAt).as("the moment said is the kill's, in seconds since the run's start").isBetween(killedAt - 0.2, killedAt + 1.0);
    assertThat(result.output()).containsPattern("VERDICT INCONCLUSIVE PooledSimulation: the target process died at "
        + Pattern.quote(died.group(1)) + " s \\(signal 9\\)" + CouldNotKeepUp.ALSO_SAID + "; not judged: predicted clean");
    assertThat(summary.at("/evidence/targetDied/how").asText()).isEqualTo("signal 9");
    assertThat(summary.at("/verdict/status").asText()).isEqualTo("INCONCLUSIVE");
    assertThat(summary.get("durationSeconds").asDouble()).as("the injection stopped soon after the death")
        .isLessThan(diedAt + 10);
  }

  private static String[] withTarget(String[] profile) {
    return Stream.concat(Stream.of("target=embedded"), Stream.of(profile)).toArray(String[]::new);
  }

  /**
   * SIGKILLs the embedded server of this test's simulation (a descendant of this JVM, never another's) some 6 s into
   * its load; completes with the moment of the kill.
   */
  private CompletableFuture<Instant> killServerOnceLoaded() {
    return onceLoaded(Duration.ofSeconds(6), () -> {
      ProcessHandle server = ProcessHandle.current().descendants()
          .filter(p -> commandLine(p).contains(EmbeddedServerMain.class.getName())).findFirst()
          .orElseThrow(() -> new IllegalStateException("no embedded server process under this test"));
      return server::destroyForcibly; // SIGKILL on Linux
    });
  }

  /**
   * {@code after} the load began (the run folder holds {@code ports.csv}), finds what to act on with {@code prepare}
   * and runs the action it gives; completes with the action's moment, taken after the finding (a walk of every
   * process's command line, slow on a busy machine) and right before the action.
   */
  private CompletableFuture<Instant> onceLoaded(Duration after, Callable<Runnable> prepare) {
    return CompletableFuture.supplyAsync(() -> {
      Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
      try {
        while (Instant.now().isBefore(deadline)) {
          if (LoadStarted.under(results)) {
            Thread.sleep(after.toMillis());
            Runnable action = prepare.call();
            Instant at = Instant.now();
            action.run();
            return at;
          }
          Thread.sleep(100);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      throw new IllegalStateException("no run with a running load within 2 minutes");
    });
  }

  /** A process's whole command line: the JDK's {@code ProcessHandle.Info} leaves out arguments past a length, as this classpath is. */
  private static String commandLine(ProcessHandle process) {
    try {
      return Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline")).replace('\0', ' ');
    } catch (Exception e) {
      return ""; // gone, or not Linux
    }
  }

  private Path runFolder() throws Exception {
    try (Stream<Path> folders = Files.list(results)) {
      return folders.filter(f -> f.getFileName().toString().startsWith("pooledsimulation-")).findFirst().orElseThrow();
    }
  }
}
