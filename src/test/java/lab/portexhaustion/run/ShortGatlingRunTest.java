package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each simulation of simulations/, short, in a real Gatling JVM against the embedded server. */
class ShortGatlingRunTest {

  private static final Pattern GLOBAL_OK = Pattern.compile("<td class=\"value ok col-3\">(\\d+)</td>");

  @TempDir
  Path results;

  @ParameterizedTest
  @ValueSource(strings = {"PooledSimulation", "ClientPerRequestSimulation", "RawSocketSimulation"})
  void writesAGatlingReportAndAHarnessSummaryThatAgree(String simulation) throws Exception {
    GatlingProcess.Result result = GatlingProcess.run(simulation, results, 180,
        "target=embedded", "load.startRate=5", "load.peakRate=30", "load.rampTime=2s", "load.holdTime=3s");

    assertThat(result.exitCode()).as(result.output()).isZero();
    Path runFolder = onlyRunFolder(simulation);
    assertThat(runFolder.resolve("index.html")).exists();
    long gatlingOk = globalOkCount(runFolder.resolve("index.html"));
    JsonNode summary = new ObjectMapper().readTree(runFolder.resolve("harness/summary.json").toFile());

    assertThat(gatlingOk).isPositive();
    assertThat(summary.at("/requests/ok").asLong()).isEqualTo(gatlingOk);
    assertThat(summary.at("/requests/ko").asLong()).isZero();
    assertThat(summary.at("/target/kind").asText()).isEqualTo("embedded");
    assertThat(summary.at("/onset").isNull()).isTrue();
    assertThat(summary.at("/outcome").asText()).startsWith("no exhaustion (peak utilisation");
  }

  private Path onlyRunFolder(String simulation) throws Exception {
    try (Stream<Path> folders = Files.list(results)) {
      List<Path> runs = folders.filter(p -> p.getFileName().toString().startsWith(simulation.toLowerCase() + "-")).toList();
      assertThat(runs).hasSize(1);
      return runs.get(0);
    }
  }

  private static long globalOkCount(Path indexHtml) throws Exception {
    Matcher m = GLOBAL_OK.matcher(Files.readString(indexHtml));
    assertThat(m.find()).as("Gatling's statistics table in " + indexHtml).isTrue();
    return Long.parseLong(m.group(1));
  }
}
