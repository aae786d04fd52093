package lab.portexhaustion.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.record.GatlingLaunch;
import lab.portexhaustion.report.ComparisonWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The comparison of one {@code mvn gatling:test}: rewritten from the batch's runs after each
 * simulation, so that after the last one it holds them all, without any simulation having to know
 * it is the last.
 */
final class BatchComparison {

  private static final Logger LOG = LoggerFactory.getLogger(BatchComparison.class);

  private BatchComparison() {}

  /**
   * Rewrites the comparison folders of this run's batch, if it belongs to one; a failure is logged, not thrown. The
   * run in {@code runFolder} ends now, and Gatling writes its report after this, unless told to write none: only then is
   * that report linked as to come.
   */
  static void refresh(GatlingLaunch launch, Optional<Path> runFolder) {
    Optional<String> batch = launch.batch();
    if (batch.isEmpty()) {
      return;
    }
    Path results = launch.resultsFolder();
    try {
      List<Path> runs = ComparisonWriter.runsOfBatch(results, batch.get());
      Optional<Path> reportToCome = runFolder.filter(folder -> launch.reportsWritten());
      List<Path> written = reportToCome.isPresent() ? ComparisonWriter.writeBeforeReport(runs, results, reportToCome.get())
          : ComparisonWriter.write(runs, results);
      for (Path folder : written) {
        LOG.info("comparison of this mvn gatling:test so far: {}", folder.resolve("index.html"));
      }
    } catch (IOException | RuntimeException e) {
      LOG.error("could not write the comparison: {}", e.toString());
    }
  }

  /**
   * Rewrites the comparison folders of this run's batch after Gatling's report of the run in {@code runFolder} was cut
   * (its disk full): {@link #refresh} linked that report as to come, and now it is linked only where its index.html was
   * written. Says, in a sentence ending with a space, what came of it, from what was written and what is on disk: the
   * disk may still be full, and a run whose summary could not be written is in no comparison; nothing where the run is
   * in no batch.
   */
  static String rewriteAfterCutReport(GatlingLaunch launch, Path runFolder, Path comparisonFolder) {
    Optional<String> batch = launch.batch();
    if (batch.isEmpty()) {
      return "";
    }
    Path results = launch.resultsFolder();
    boolean pageWritten = Files.isRegularFile(runFolder.resolve("index.html"));
    Path comparisonPage = comparisonFolder.resolve("index.html");
    try {
      List<Path> written = ComparisonWriter.write(ComparisonWriter.runsOfBatch(results, batch.get()), results);
      if (!written.contains(comparisonFolder)) {
        return "No comparison holds this run, its summary.json not written. ";
      }
      return "The comparison " + comparisonPage + " is rewritten: "
          + (pageWritten ? "it links what there is of this report. " : "it no longer links this report. ");
    } catch (IOException e) {
      return notRewritten(WriteCause.of(e), comparisonPage, runFolder, pageWritten);
    } catch (RuntimeException e) {
      return notRewritten(e.toString(), comparisonPage, runFolder, pageWritten);
    }
  }

  /** What there is of the comparison that could not be rewritten: the one {@link #refresh} wrote, or none of this run. */
  private static String notRewritten(String cause, Path comparisonPage, Path runFolder, boolean pageWritten) {
    if (!linksReport(comparisonPage, runFolder)) {
      return "No comparison links this run: " + comparisonPage + " could not be written (" + cause + "). ";
    }
    return "The comparison could not be rewritten (" + cause + "): its " + comparisonPage + " links this report as to come, "
        + (pageWritten ? "a report cut short. " : "a link that leads nowhere. ");
  }

  /** Whether the comparison page on disk links the report of the run in {@code runFolder}: it may be an earlier batch's. */
  private static boolean linksReport(Path comparisonPage, Path runFolder) {
    try {
      return Files.readString(comparisonPage).contains(runFolder.getFileName() + "/index.html");
    } catch (IOException e) {
      return false; // not written, or not readable: it links nothing this run can be reached by
    }
  }
}
