package lab.portexhaustion.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonWriterTest {

  @TempDir
  Path results;

  private Path run(String folder, String batchJson) throws Exception {
    Path harness = Files.createDirectories(results.resolve(folder).resolve("harness"));
    Files.writeString(harness.resolve("summary.json"), "{\"simulation\": \"" + folder + "\", \"batch\": " + batchJson + "}");
    Files.writeString(harness.resolve("conditions.json"), "{\"rangeSize\": 1000}");
    Files.writeString(harness.resolve("ports.csv"), "elapsedMillis,tier\n");
    return results.resolve(folder);
  }

  @Test
  void theRunsOfABatchAreThoseItsSummariesName() throws Exception {
    Path first = run("pooledsimulation-1", "\"20261201-191336\"");
    Path second = run("rawsocketsimulation-2", "\"20261201-191336\"");
    run("pooledsimulation-0", "\"20261130-080000\"");
    run("ownsimulation-3", "null");

    assertThat(ComparisonWriter.runsOfBatch(results, "20261201-191336")).containsExactly(first, second);
  }
}
