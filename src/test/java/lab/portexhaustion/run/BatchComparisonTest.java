package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import lab.portexhaustion.record.GatlingLaunch;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison a batch writes as each run ends, before Gatling writes (or not) that run's report. */
class BatchComparisonTest {

  /** The batch of the recorded run. */
  private static final String BATCH = "20261201-204441";

  @TempDir
  Path results;

  private Path run;

  @BeforeEach
  void recordedRun() throws Exception {
    run = results.resolve("clientperrequestsimulation-20261201204451435");
    PathUtils.copyDirectory(Path.of(getClass().getResource("/fixtures/run/clientperrequestsimulation").toURI()), run);
  }

  @Test
  void theReportGatlingWritesNextIsLinkedAsToCome() throws Exception {
    BatchComparison.refresh(new GatlingLaunch(results, Optional.of(BATCH), true), Optional.of(run));

    assertThat(Files.readString(results.resolve("comparison/index.html"))).contains(run.getFileName() + "/index.html");
  }

  /** With -Dgatling.noReports, Gatling writes no report after the run: the comparison links none that never comes. */
  @Test
  void aRunWithoutReportsHasNoLinkToCome() throws Exception {
    BatchComparison.refresh(new GatlingLaunch(results, Optional.of(BATCH), false), Optional.of(run));

    assertThat(Files.readString(results.resolve("comparison/index.html"))).contains("clientperrequestsimulation")
        .doesNotContain(run.getFileName() + "/index.html");
  }
}
