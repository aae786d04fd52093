package lab.portexhaustion.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.portexhaustion.process.TimedProcess;
import lab.portexhaustion.record.GatlingLaunch;

/**
 * Runs one simulation the way the gatling-maven-plugin does: Gatling's main in a fresh JVM, on
 * this test's classpath, with {@code -D} settings. A fresh JVM, because a setup failure ends the
 * JVM, and because a simulation's settings are read from its system properties.
 */
final class GatlingProcess {

  record Result(int exitCode, String output) {}

  private GatlingProcess() {}

  static Result run(String simulation, Path resultsFolder, long timeoutSeconds, String... properties)
      throws IOException, InterruptedException {
    return run(List.of(), simulation, resultsFolder, timeoutSeconds, properties);
  }

  /** As {@link #run(String, Path, long, String...)}, the JVM started through {@code launcher} (e.g. the namespace launcher). */
  static Result run(List<String> launcher, String simulation, Path resultsFolder, long timeoutSeconds, String... properties)
      throws IOException, InterruptedException {
    return run(launcher, Map.of(), simulation, resultsFolder, timeoutSeconds, properties);
  }

  /** As {@link #run(String, Path, long, String...)}, with {@code environment} added to the JVM's environment. */
  static Result run(Map<String, String> environment, String simulation, Path resultsFolder, long timeoutSeconds, String... properties)
      throws IOException, InterruptedException {
    return run(List.of(), environment, simulation, resultsFolder, timeoutSeconds, properties);
  }

  private static Result run(List<String> launcher, Map<String, String> environment, String simulation, Path resultsFolder,
      long timeoutSeconds, String... properties) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(launcher);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    // The JVM options the gatling-maven-plugin gives its fork; Gatling needs them on JDK 17.
    command.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
    command.add("--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED");
    // And the one this project's pom adds to it: the client compiler only.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-D" + GatlingLaunch.RESULTS_PROPERTY + "=" + resultsFolder);
    for (String property : properties) {
      command.add("-D" + property);
    }
    command.addAll(List.of("io.gatling.app.Gatling", "--simulation", simulation, "--results-folder", resultsFolder.toString()));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(environment);
    try {
      TimedProcess.Result result = TimedProcess.run(builder, Duration.ofSeconds(timeoutSeconds));
      return new Result(result.exitCode(), result.output());
    } catch (TimedProcess.TimeoutException e) {
      throw new AssertionError(simulation + " did not finish within " + timeoutSeconds + " s; its output:\n" + e.outputSoFar(), e);
    }
  }
}
