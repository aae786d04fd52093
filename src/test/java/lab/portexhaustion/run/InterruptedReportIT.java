package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TERM to a simulation's JVM while Gatling writes its HTML report, in a real {@code scripts/lab-test} of
 * {@code mvn gatling:test}: the comparison the run wrote before its report linked it as to come, and kept that link to a
 * page never written. Its JVM now rewrites the comparison without it as it ends.
 */
class InterruptedReportIT {

  @TempDir
  Path results;

  @Test
  void aReportCutShortByATermIsNotLinkedFromTheComparison() throws Exception {
    ProcessBuilder builder = new ProcessBuilder("scripts/lab-test", "-B", "-o", "-Dgatling.simulationClass=PooledSimulation",
        "-Dgatling.resultsFolder=" + results, "-Dtarget=embedded", "-Dload.startRate=20", "-Dload.peakRate=100",
        "-Dload.rampTime=2s", "-Dload.holdTime=20s").redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process labTest = builder.start();
    StringBuilder output = new StringBuilder();
    boolean termSent = false;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(labTest.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.append(line).append('\n');
        if (!termSent && line.startsWith("Generating reports")) {
          // The JVM the plugin forked, under mvn: TERM to it alone, as a supervisor or a kill of its pid sends.
          Optional<ProcessHandle> jvm = labTest.descendants()
              .filter(p -> p.info().commandLine().filter(c -> c.contains("ForkMain") || c.contains("io.gatling.app.Gatling")).isPresent())
              .findFirst();
          termSent = jvm.map(ProcessHandle::destroy).orElse(false);
        }
      }
      assertThat(labTest.waitFor(3, TimeUnit.MINUTES)).as(output.toString()).isTrue();
    } finally {
      labTest.descendants().forEach(ProcessHandle::destroyForcibly);
      labTest.destroyForcibly();
    }

    assumeTrue(termSent && labTest.exitValue() == 143, "the report was written before the TERM could reach its JVM:\n" + output);
    Path run;
    try (Stream<Path> folders = Files.list(results)) {
      run = folders.filter(f -> f.getFileName().toString().startsWith("pooledsimulation-")).findFirst().orElseThrow();
    }
    JsonNode link = new ObjectMapper().readTree(results.resolve("comparison/comparison.json").toFile()).at("/table/0/gatlingReport");
    assertThat(link.isNull()).as("the link to %s/index.html (there: %s): %s%n%s", run, Files.exists(run.resolve("index.html")), link, output)
        .isTrue();
    assertThat(output).contains("comparison rewritten without the Gatling report of " + run.getFileName());
    assertThat(List.of(output.toString().strip().split("\n"))).last().asString()
        .contains("lab-test: exit 143: interrupted by TERM after PooledSimulation had recorded how it ended (code 0");
  }
}
