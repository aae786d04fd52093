package lab.portexhaustion.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lab.portexhaustion.TestFolders;

/**
 * The default {@code mvn gatling:test} timed from the outside (Maven offline, its repository
 * already filled), and the part of it spent waiting for TIME_WAIT to drain before simulations,
 * from the runs' own summaries.
 */
final class EndToEndLine {

  private static final long TIMEOUT_SECONDS = 15 * 60;
  private static final double TARGET_SECONDS = 180;

  private EndToEndLine() {}

  static List<BenchmarkLine> measure(Path project) throws Exception {
    Path results = Files.createTempDirectory("benchmark-end-to-end");
    try {
      Path log = results.resolve("mvn.log");
      long start = System.nanoTime();
      Process mvn = new ProcessBuilder("mvn", "-B", "-o", "gatling:test", "-Dgatling.resultsFolder=" + results.resolve("runs"))
          .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      if (!mvn.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        mvn.destroyForcibly();
        throw new IllegalStateException("mvn gatling:test did not finish within " + TIMEOUT_SECONDS + " s; its log: " + log);
      }
      double wall = (System.nanoTime() - start) / 1e9;
      if (mvn.exitValue() != 0) {
        throw new IllegalStateException("mvn gatling:test failed (exit " + mvn.exitValue() + "):\n" + Files.readString(log));
      }
      double drains = drainSeconds(results.resolve("runs"));
      System.out.printf("  mvn gatling:test: %.1f s, of which %.1f s waiting for TIME_WAIT to drain%n", wall, drains);
      return List.of(BenchmarkLine.againstBound("default `mvn gatling:test`, wall time", "s", Spread.of(List.of(wall)),
          TARGET_SECONDS, String.format("warm Maven repository, offline; three simulations, one JVM each; %.1f s of it waiting for"
              + " TIME_WAIT to drain before simulations (cleanStart.waitedSeconds in the summaries)", drains)));
    } finally {
      TestFolders.deleteRecursively(results);
    }
  }

  private static double drainSeconds(Path runs) throws Exception {
    ObjectMapper json = new ObjectMapper();
    double waited = 0;
    try (Stream<Path> folders = Files.list(runs)) {
      for (Path summary : folders.map(f -> f.resolve("harness/summary.json")).filter(Files::isRegularFile).toList()) {
        waited += json.readTree(summary.toFile()).at("/cleanStart/waitedSeconds").asDouble();
      }
    }
    return waited;
  }
}
