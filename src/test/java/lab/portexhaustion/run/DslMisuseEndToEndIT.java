package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import lab.portexhaustion.process.ProcessExit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulation that uses MongoDsl wrongly, run as the plugin runs it: mistakes visible in the simulation itself end
 * it before any load with a paragraph naming the request, one for each problem of every request (or, with no MongoDB
 * protocol, one naming the simulation), and leave no
 * run folder; a session that lacks what a request refers to makes that request a KO naming it, counted by the
 * harness as Gatling counts it. Never a stack trace.
 */
class DslMisuseEndToEndIT {

  @TempDir
  Path results;

  private GatlingProcess.Result run(String simulation) throws Exception {
    return GatlingProcess.run("lab.portexhaustion.dsl.misuse." + simulation, results, 120, "load.rampTime=1s", "load.holdTime=1s",
        "load.startRate=5", "load.peakRate=5", "cleanStart.maxDrainWait=0s");
  }

  private static void assertRefusedBeforeLoad(GatlingProcess.Result result) {
    assertThat(result.exitCode()).as(result.output()).isEqualTo(ProcessExit.Code.SETUP_FAILED.status());
    assertThat(result.output()).contains("did not start; no load was sent").doesNotContain("\tat ", "Exception in thread");
  }

  /** A request refused as Gatling builds it comes after Gatling made the run's folder: nothing of it is left. */
  private void assertNothingWritten() throws Exception {
    try (Stream<Path> left = Files.list(results)) {
      assertThat(left).as("run folders left in the results folder").isEmpty();
    }
  }

  @Test
  void noProtocol() throws Exception {
    GatlingProcess.Result result = run("NoProtocolSimulation");

    assertRefusedBeforeLoad(result);
    assertThat(result.output()).contains("NoProtocolSimulation did not start", "sets no MongoDB protocol",
        "setUp(...).protocols(...)");
    assertNothingWritten();
  }

  @Test
  void anEmptyCollectionName() throws Exception {
    GatlingProcess.Result result = run("EmptyCollectionSimulation");

    assertRefusedBeforeLoad(result);
    assertThat(result.output()).contains("EmptyCollectionSimulation did not start",
        "The request 'read session' has an empty collection name");
    assertNothingWritten();
  }

  @Test
  void aFilterThatIsNotJson() throws Exception {
    GatlingProcess.Result result = run("InvalidFilterSimulation");

    assertRefusedBeforeLoad(result);
    assertThat(result.output()).contains("The request 'read session': the filter of 'read session' '{_id: 'a'' is not a JSON document");
    assertNothingWritten();
  }

  @Test
  void twoBrokenRequestsAreNamedTogether() throws Exception {
    GatlingProcess.Result result = run("TwoBrokenRequestsSimulation");

    assertRefusedBeforeLoad(result);
    assertThat(result.output()).as("each request's problem in a paragraph of its own, in the chain's order")
        .containsSubsequence("TwoBrokenRequestsSimulation did not start",
            "\n\nThe request 'read session': the filter of 'read session' '{_id: 'a'' is not a JSON document",
            "\n\nThe request 'save session' has an empty collection name");
    assertNothingWritten();
  }

  @Test
  void aSessionKeyNoFeederSets() throws Exception {
    GatlingProcess.Result result = run("MissingSessionKeySimulation");

    assertThat(result.output()).as("Gatling's error summary names the request and the key")
        .contains("read session: the filter of 'read session': ", "'user'")
        .contains("VERDICT INFO MissingSessionKeySimulation")
        .doesNotContain("\tat ", "Exception in thread");
    assertThat(result.exitCode()).as(result.output()).isZero();
    Matcher gatlingCount = Pattern.compile("> request count\\s+\\|\\s+(\\d+) \\|").matcher(result.output());
    assertThat(gatlingCount.find()).as(result.output()).isTrue();
    assertThat(result.output()).as("the harness counts the KO Gatling counts, none of them started, and blames the simulation")
        .contains("requests: 0 started, 0 OK, " + gatlingCount.group(1) + " KO (100.00 %)",
            "could not be built, so nothing was sent for them (the simulation's mistake, not the target's), the first: read session:")
        .doesNotContain("refusing or too slow");
  }
}
