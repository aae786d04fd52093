package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.record.GatlingLaunch;
import lab.portexhaustion.report.ComparisonWriter;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of Gatling's "Run crashed" the watch takes for a report the disk cut: only an exception from Gatling's report
 * code, for want of room, logged on the thread that ended the run, once. The runs here ended with a failed verdict, whose
 * code stands: none adds an end to this test JVM. FullReportDiskIT runs the whole of it, with its code 7.
 */
class CutReportWatchTest {

  private static final Logger GATLING_MAIN = LoggerFactory.getLogger("io.gatling.app.Gatling$");

  @TempDir
  Path results;

  private Path runFolder;

  @BeforeEach
  void endARun() throws IOException {
    runFolder = Files.createDirectories(results.resolve("pooledsimulation-20261204233700355/harness")).getParent();
    CutReportWatch.watch("PooledSimulation", runFolder, new GatlingLaunch(results, Optional.empty(), true),
        results.resolve("comparison"), ProcessExit.Code.VERDICT_FAILED, List.of());
  }

  @Test
  void aFullDiskInGatlingsReportIsSaidOnceTheVerdictsCodeStanding() {
    IOException full = thrownFrom("io.gatling.charts.report.ReportsGenerator", "No space left on device");

    String said = saidWhileLogging(() -> GATLING_MAIN.error("Run crashed", full));
    String again = saidWhileLogging(() -> GATLING_MAIN.error("Run crashed", full));

    assertThat(said).isEqualTo("PooledSimulation: Gatling's HTML report in " + runFolder + " was cut: No space left on"
        + " device (ENOSPC) as Gatling wrote it, so its files there are incomplete (index.html not written). The verdict"
        + " said above stands: the harness's own files in " + runFolder.resolve("harness") + " are whole. Make room on"
        + " that disk, then make the report again with mvn gatling:test -Dgatling.reportsOnly=pooledsimulation-"
        + "20261204233700355; exit code 2.\n");
    assertThat(again).as("once per run").isEmpty();
  }

  @Test
  void anIndexPageWrittenBeforeTheDiskFilledIsSaid() throws IOException {
    Files.writeString(runFolder.resolve("index.html"), "<html>");
    // Gatling's fork main calls Gatling's by reflection: the disk's exception is a cause.
    Exception wrapped = new Exception(thrownFrom("io.gatling.app.RunResultProcessor", "Disk quota exceeded"));

    String said = saidWhileLogging(() -> GATLING_MAIN.error("Run crashed", wrapped));

    assertThat(said).contains("was cut: Disk quota exceeded (EDQUOT) as Gatling wrote it, so its files there are incomplete"
        + " (index.html written, not all the rest)");
  }

  /**
   * A batch's comparison, which linked the report as to come, is rewritten before anything is said: here the disk has
   * room for it, and it no longer links a report whose index.html was never written.
   */
  @Test
  void theBatchsComparisonIsRewrittenFirstAndWhatCameOfItSaid() throws Exception {
    Path recorded = Path.of(getClass().getResource("/fixtures/run/clientperrequestsimulation").toURI());
    Path run = results.resolve("clientperrequestsimulation-20261201204451435");
    PathUtils.copyDirectory(recorded, run);
    GatlingLaunch launch = new GatlingLaunch(results, Optional.of("20261201-204441"), true); // the recorded run's batch
    Path comparison = ComparisonWriter.writeBeforeReport(List.of(run), results, run).get(0);
    assertThat(Files.readString(comparison.resolve("index.html"))).contains("clientperrequestsimulation-20261201204451435/index.html");
    CutReportWatch.watch("ClientPerRequestSimulation", run, launch, comparison, ProcessExit.Code.VERDICT_FAILED, List.of());

    PrintStream err = System.err;
    ByteArrayOutputStream said = new ByteArrayOutputStream();
    System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
    try {
      GATLING_MAIN.error("Run crashed", thrownFrom("io.gatling.charts.report.ReportsGenerator", "No space left on device"));
    } finally {
      System.setErr(err);
    }

    assertThat(said.toString(StandardCharsets.UTF_8)).contains("ClientPerRequestSimulation: Gatling's HTML report in " + run
        + " was cut: No space left on device (ENOSPC) as Gatling wrote it", "The comparison " + comparison.resolve("index.html")
        + " is rewritten: it no longer links this report. Make room on that disk");
    assertThat(Files.readString(comparison.resolve("index.html"))).doesNotContain("clientperrequestsimulation-20261201204451435/index.html");
  }

  /**
   * A run whose own files the disk cut too (its verdict inconclusive, code 6): the paragraph names them rather than
   * calling the harness's files whole, and says the run is in no comparison, as a run without its summary is in none.
   */
  @Test
  void harnessFilesNotWrittenAreNamedAndARunWithoutItsSummaryIsInNoComparison() {
    CutReportWatch.watch("PooledSimulation", runFolder, new GatlingLaunch(results, Optional.of("b1"), true),
        results.resolve("comparison"), ProcessExit.Code.INCONCLUSIVE, List.of("requests.csv", "summary.json"));

    String said = saidWhileLogging(() -> GATLING_MAIN.error("Run crashed",
        thrownFrom("io.gatling.charts.report.ReportsGenerator", "No space left on device")));

    assertThat(said).contains("The verdict said above stands: of the harness's own files in " + runFolder.resolve("harness")
        + ", requests.csv and summary.json could not be written (said above), the rest are whole. No comparison holds this"
        + " run, its summary.json not written. Make room").endsWith("exit code 6.\n");
    assertThat(results.resolve("comparison")).doesNotExist();
  }

  /** A comparison that cannot be written, where none was before: nothing links the report, as to come or otherwise. */
  @Test
  void aComparisonNotWrittenBeforeNorNowLinksNothing() throws Exception {
    Path recorded = Path.of(getClass().getResource("/fixtures/run/clientperrequestsimulation").toURI());
    Path run = results.resolve("clientperrequestsimulation-20261201204451435");
    PathUtils.copyDirectory(recorded, run);
    Path comparison = results.resolve("comparison");
    // Where the comparison is written first: a name taken, so that no folder can be made there.
    Files.createSymbolicLink(results.resolve("comparison.partial"), results.resolve("nowhere"));
    CutReportWatch.watch("PooledSimulation", run, new GatlingLaunch(results, Optional.of("20261201-204441"), true), comparison,
        ProcessExit.Code.VERDICT_FAILED, List.of());

    String said = saidWhileLogging(() -> GATLING_MAIN.error("Run crashed",
        thrownFrom("io.gatling.charts.report.ReportsGenerator", "No space left on device")));

    assertThat(said).contains("are whole. No comparison links this run: " + comparison.resolve("index.html")
        + " could not be written (").doesNotContain("as to come");
  }

  /**
   * Gatling stops its logging as its run ends, whole report or not, which detaches the watch: the next run watched in
   * this JVM, Gatling run in-process again, is watched anew.
   */
  @Test
  void aRunWatchedAfterGatlingStoppedItsLoggingIsWatchedAnew() {
    IOException full = thrownFrom("io.gatling.charts.report.ReportsGenerator", "No space left on device");
    LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
    logback.getLogger("io.gatling.app.Gatling$").detachAndStopAllAppenders(); // as Gatling's end stops its loggers

    assertThat(saidWhileLogging(() -> GATLING_MAIN.error("Run crashed", full))).as("the run ended is no longer watched").isEmpty();
    CutReportWatch.watch("PooledSimulation", runFolder, new GatlingLaunch(results, Optional.empty(), true),
        results.resolve("comparison"), ProcessExit.Code.VERDICT_FAILED, List.of());
    assertThat(saidWhileLogging(() -> GATLING_MAIN.error("Run crashed", full))).as("the next run")
        .contains("was cut: No space left on device (ENOSPC)");
  }

  @Test
  void aCrashOfAnotherKindIsLeftToGatling() {
    IOException closed = thrownFrom("io.gatling.charts.report.ReportsGenerator", "Stream closed");
    IOException fullElsewhere = thrownFrom("io.gatling.core.stats.writer.LogFileDataWriter", "No space left on device");

    assertThat(saidWhileLogging(() -> GATLING_MAIN.error("Run crashed", closed))).isEmpty();
    assertThat(saidWhileLogging(() -> GATLING_MAIN.error("Run crashed", fullElsewhere))).isEmpty();
    assertThat(saidWhileLogging(() -> GATLING_MAIN.error("Run crashed"))).isEmpty();
  }

  @Test
  void aFullDiskOnAnotherThreadIsNotThisRunsReport() throws InterruptedException {
    IOException full = thrownFrom("io.gatling.charts.report.ReportsGenerator", "No space left on device");
    Thread other = new Thread(() -> GATLING_MAIN.error("Run crashed", full));

    String said = saidWhileLogging(() -> {
      other.start();
      try {
        other.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });

    assertThat(said).isEmpty();
    assertThat(saidWhileLogging(() -> GATLING_MAIN.error("Run crashed", full))).as("still watched on its own thread")
        .contains("was cut: No space left on device (ENOSPC)");
  }

  private static IOException thrownFrom(String className, String message) {
    IOException e = new IOException(message);
    e.setStackTrace(new StackTraceElement[] {new StackTraceElement(className, "write", className + ".scala", 1)});
    return e;
  }

  private static String saidWhileLogging(Runnable logging) {
    PrintStream err = System.err;
    ByteArrayOutputStream said = new ByteArrayOutputStream();
    System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
    try {
      logging.run();
    } finally {
      System.setErr(err);
    }
    return said.toString(StandardCharsets.UTF_8).lines()
        .filter(line -> line.startsWith("PooledSimulation: ")).map(line -> line + "\n").reduce("", String::concat);
  }
}
