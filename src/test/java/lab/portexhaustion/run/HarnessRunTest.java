package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lab.portexhaustion.BuildInfo;
import lab.portexhaustion.TestSettings;
import lab.portexhaustion.ThisPom;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.config.SettingsLoader;
import lab.portexhaustion.record.GatlingLaunch;
import lab.portexhaustion.strategy.ClientSettingsHook;
import lab.portexhaustion.verdict.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A run against the embedded server, without Gatling: built whole, it runs nothing until {@link HarnessRun#start()};
 * started, its threads run and {@code ports.csv} opens with the sample the model was made from; finished, it returns
 * its verdict and leaves no thread behind.
 */
class HarnessRunTest {

  private static final Set<String> RUNNING_PARTS = Set.of("harness-watchdog", "harness-port-sampler", "harness-progress",
      "harness-second-ticker");

  @TempDir
  Path results;

  private String resultsProperty;

  @BeforeEach
  void resultsHere() {
    resultsProperty = System.getProperty(GatlingLaunch.RESULTS_PROPERTY);
    System.setProperty(GatlingLaunch.RESULTS_PROPERTY, results.toString());
  }

  @AfterEach
  void resultsBack() {
    if (resultsProperty == null) {
      System.clearProperty(GatlingLaunch.RESULTS_PROPERTY);
    } else {
      System.setProperty(GatlingLaunch.RESULTS_PROPERTY, resultsProperty);
    }
  }

  @Test
  void runsNothingUntilStartedAndNothingOnceFinished() throws Exception {
    HarnessPlan plan = HarnessPlan.of("LifecycleSimulation",
        SettingsLoader.load(Map.of("target", "embedded"), Path.of("no-harness.conf")), ClientSettingsHook.NONE);

    HarnessRun run = HarnessRun.prepare(plan);
    Verdict verdict;
    try {
      Path runFolder = Files.createDirectories(results.resolve("lifecyclesimulation-1")); // as Gatling makes it, then
      Thread.sleep(300); // three times the sampler's totals interval
      assertThat(runningParts()).as("built, not started").isEmpty();
      assertThat(runFolder.resolve("harness/ports.csv")).as("nothing sampled before start").doesNotExist();

      run.start();
      assertThat(runningParts()).as("started").containsExactlyInAnyOrderElementsOf(RUNNING_PARTS);
      List<String> ports = Files.readAllLines(runFolder.resolve("harness/ports.csv"));
      assertThat(ports.get(1)).as("the first row: the full sample the model was made from").contains(",full,");
    } finally {
      verdict = run.finish();
    }

    assertThat(verdict.simulation()).isEqualTo("LifecycleSimulation");
    assertThat(results.resolve("lifecyclesimulation-1/harness/summary.json")).isNotEmptyFile();
    assertThat(runningPartsAfter(Duration.ofSeconds(5))).as("finished").isEmpty();
  }

  @Test
  void theConditionsNameTheBuildThatRanInTheConsoleAndInConditionsJson() throws Exception {
    HarnessPlan plan = HarnessPlan.of("VersionSimulation",
        SettingsLoader.load(Map.of("target", "embedded"), Path.of("no-harness.conf")), ClientSettingsHook.NONE);
    Logger setupLog = (Logger) LoggerFactory.getLogger(RunSetup.class);
    ListAppender<ILoggingEvent> console = new ListAppender<>();
    console.start();
    setupLog.addAppender(console);

    HarnessRun run;
    try {
      run = HarnessRun.prepare(plan);
    } finally {
      setupLog.detachAppender(console);
    }
    Files.createDirectories(results.resolve("versionsimulation-1"));
    try {
      run.start();
    } finally {
      run.finish();
    }

    String build = "port-exhaustion-lab " + ThisPom.text("/project/version") + " @ " + BuildInfo.gitCommit();
    assertThat(console.list).map(ILoggingEvent::getFormattedMessage)
        .anyMatch(line -> line.startsWith("VersionSimulation: ephemeral range ") && line.endsWith("; " + build));
    JsonNode conditions = new ObjectMapper().readTree(results.resolve("versionsimulation-1/harness/conditions.json").toFile());
    assertThat(conditions.get("harnessVersion").asText() + " @ " + conditions.get("gitCommit").asText())
        .isEqualTo(build.substring("port-exhaustion-lab ".length()));
  }

  /**
   * A pool the server refuses as the client starts (a fleet's late client) meets its onset before any virtual user, so
   * before the prediction the first user makes: the onset makes it, and its record keeps what the verdict is judged by.
   */
  @Test
  void anOnsetBeforeTheFirstVirtualUserKeepsThePredictionTheVerdictUses() throws Exception {
    HarnessPlan plan = HarnessPlan.of("RefusedAtStartSimulation", TestSettings.forScenario(Scenario.POOL_STORM,
        "target", "embedded", "pool.minPoolSize", "20", "embedded.maxIncomingConnections", "5"), ClientSettingsHook.NONE);
    HarnessRun run = HarnessRun.prepare(plan);
    Path harness = Files.createDirectories(results.resolve("refusedatstartsimulation-1")).resolve("harness");
    try {
      run.start();
      Instant deadline = Instant.now().plusSeconds(15);
      while (!Files.exists(harness.resolve("onset.json")) && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
      }
    } finally {
      run.finish();
    }

    ObjectMapper json = new ObjectMapper();
    JsonNode onset = json.readTree(harness.resolve("onset.json").toFile());
    JsonNode summary = json.readTree(harness.resolve("summary.json").toFile());
    assertThat(summary.at("/prediction/onsetSeconds").isNumber()).as("the verdict's prediction has an onset").isTrue();
    assertThat(onset.get("predictedOnsetSeconds")).as("onset.json's prediction").isEqualTo(summary.at("/prediction/onsetSeconds"));
    assertThat(summary.at("/onset/predictedOnsetSeconds")).as("the summary's onset").isEqualTo(summary.at("/prediction/onsetSeconds"));
  }

  private static List<String> runningParts() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(RUNNING_PARTS::contains).distinct().toList();
  }

  private static List<String> runningPartsAfter(Duration grace) throws InterruptedException {
    Instant deadline = Instant.now().plus(grace);
    List<String> running = runningParts();
    while (!running.isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      running = runningParts();
    }
    return running;
  }
}
