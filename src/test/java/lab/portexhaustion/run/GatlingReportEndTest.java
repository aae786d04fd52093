package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.record.GatlingLaunch;
import lab.portexhaustion.report.ComparisonWriter;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's Gatling report as its JVM ends, in a folder that takes files (a full one: {@code FullReportDiskIT}). The
 * comparison the run wrote before its report linked it as to come; where the report is not whole it is rewritten without
 * that link, and the run's code stands.
 */
class GatlingReportEndTest {

  private static final String BATCH = "20261201-204441"; // the recorded run's
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path results;

  @Test
  void aWholeReportKeepsItsLinkAndTheRunsCode() throws Exception {
    Path run = endedRun();
    Files.writeString(run.resolve("index.html"), "<html></html>");

    ProcessExit.Code code = new GatlingReportEnd("ClientPerRequestSimulation", launch(), run).atJvmEnd(ProcessExit.Code.DONE, false);

    assertThat(code).isEqualTo(ProcessExit.Code.DONE);
    assertThat(link()).isEqualTo("../" + run.getFileName() + "/index.html");
  }

  /** Gatling crashed for another reason than its disk, or wrote no report: the crash's code is Gatling's, the link goes. */
  @Test
  void aReportMissingOnAWritableDiskLosesItsLinkAndKeepsTheRunsCode() throws Exception {
    Path run = endedRun();

    ProcessExit.Code code = new GatlingReportEnd("ClientPerRequestSimulation", launch(), run).atJvmEnd(ProcessExit.Code.DONE, false);

    assertThat(code).isEqualTo(ProcessExit.Code.DONE);
    assertThat(link()).isNull();
  }

  /**
   * A signal ends the JVM while Gatling writes the report: what it wrote so far (its index.html among it) is no whole
   * report, so it is not linked; nothing is removed under Gatling's writing thread, and the code stands.
   */
  @Test
  void aReportCutShortByASignalIsNotLinkedWhateverItsFolderHolds() throws Exception {
    Path run = endedRun();
    Files.writeString(run.resolve("index.html"), "<html>");

    ProcessExit.Code code = new GatlingReportEnd("ClientPerRequestSimulation", launch(), run)
        .atJvmEnd(ProcessExit.Code.VERDICT_FAILED, true);

    assertThat(code).isEqualTo(ProcessExit.Code.VERDICT_FAILED);
    assertThat(link()).isNull();
    assertThat(run.resolve("index.html")).exists();
    assertThat(results.resolve("comparison.partial")).doesNotExist();
  }

  @Test
  void aFolderThatTakesAByteIsWritable() {
    assertThat(GatlingReportEnd.whyNotWritable(results)).isEmpty();
    assertThat(results).isEmptyDirectory();
  }

  @Test
  void aFolderThatIsGoneIsSaidWithTheOsCause() {
    assertThat(GatlingReportEnd.whyNotWritable(results.resolve("gone"))).hasValueSatisfying(cause -> assertThat(cause).isNotBlank());
  }

  /** A run of the batch that has recorded its end, with the comparison it wrote before its report. */
  private Path endedRun() throws IOException, URISyntaxException {
    Path recorded = Path.of(getClass().getResource("/fixtures/run/clientperrequestsimulation").toURI());
    Path run = results.resolve("clientperrequestsimulation-20261201204451435");
    PathUtils.copyDirectory(recorded, run);
    ComparisonWriter.writeBeforeReport(List.of(run), results, run);
    assertThat(link()).as("linked as to come").isEqualTo("../" + run.getFileName() + "/index.html");
    return run;
  }

  private GatlingLaunch launch() {
    return new GatlingLaunch(results, Optional.of(BATCH));
  }

  private String link() throws IOException {
    JsonNode report = JSON.readTree(results.resolve("comparison/comparison.json").toFile()).at("/table/0/gatlingReport");
    return report.isNull() ? null : report.asText();
  }
}
