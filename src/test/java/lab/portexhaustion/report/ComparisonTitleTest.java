package lab.portexhaustion.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.portexhaustion.config.Scenario;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The churn comparison's title in the docs' words: "unpooled" are the patterns that open a connection per request and
 * close it (client-per-request, raw-socket); a pattern that keeps its connections open is called by its own name.
 */
class ComparisonTitleTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path results;

  /** The title of the runs whose summaries record these scenarios and patterns, each of the churn family. */
  private String title(String... scenarioAndStrategy) throws Exception {
    List<RunResults> runs = new ArrayList<>();
    Path batch = Files.createTempDirectory(results, "batch");
    for (int i = 0; i < scenarioAndStrategy.length; i += 2) {
      Path folder = batch.resolve("run-" + i);
      PathUtils.copyDirectory(Path.of(getClass().getResource("/fixtures/run/clientperrequestsimulation").toURI()), folder);
      Path summaryFile = folder.resolve("harness/summary.json");
      ObjectNode summary = (ObjectNode) JSON.readTree(summaryFile.toFile());
      summary.put("scenario", scenarioAndStrategy[i]).put("strategy", scenarioAndStrategy[i + 1]);
      JSON.writeValue(summaryFile.toFile(), summary);
      RunResults run = RunResults.load(folder);
      assertThat(run.family()).isEqualTo(Scenario.Family.PORTS);
      runs.add(run);
    }
    return ComparisonBuilder.build(Scenario.Family.PORTS, runs, results).title();
  }

  @Test
  void thePoolBesideTheChurnPatternsIsPooledVsUnpooled() throws Exception {
    assertThat(title("pooled", "pooled", "client-per-request", "client-per-request", "raw-socket", "raw-socket"))
        .isEqualTo("Pooled vs unpooled");
    assertThat(title("raw-socket", "raw-socket")).isEqualTo("Unpooled connections");
    assertThat(title("pooled", "pooled")).isEqualTo("Pooled connections");
  }

  /**
   * A run whose scenario this build does not know (recorded by another version) joins the churn comparison, whatever
   * its pattern: a keep-alive or leaked-client one there is named as such, not "unpooled".
   */
  @Test
  void aPatternThatKeepsItsConnectionsIsNamedByItsOwnName() throws Exception {
    assertThat(title("pooled", "pooled", "keep-alive-tls", "keep-alive")).isEqualTo("Pooled vs keep-alive");
    assertThat(title("pooled", "pooled", "raw-socket", "raw-socket", "leaked-client-v2", "leaked-client"))
        .isEqualTo("Pooled vs unpooled vs leaked-client");
    assertThat(title("keep-alive-tls", "keep-alive")).isEqualTo("Keep-alive connections");
  }
}
