package lab.portexhaustion.run;

import java.io.IOException;
import java.nio.file.Path;
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

  /** Rewrites the comparison folders of this run's batch, if it belongs to one; a failure is logged, not thrown. */
  static void refresh(GatlingLaunch launch) {
    Optional<String> batch = launch.batch();
    if (batch.isEmpty()) {
      return;
    }
    Path results = launch.resultsFolder();
    try {
      for (Path written : ComparisonWriter.write(ComparisonWriter.runsOfBatch(results, batch.get()), results)) {
        LOG.info("comparison of this mvn gatling:test so far: {}", written.resolve("index.html"));
      }
    } catch (IOException | RuntimeException e) {
      LOG.error("could not write the comparison: {}", e.toString());
    }
  }
}
