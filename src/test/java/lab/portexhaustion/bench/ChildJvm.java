package lab.portexhaustion.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lab.portexhaustion.process.TimedProcess;

/**
 * A JVM started with this one's classpath and the options the gatling-maven-plugin gives its
 * fork, so that a bare loop and a Gatling run start from the same footing (cold, same heap).
 */
final class ChildJvm {

  private static final List<String> GATLING_FORK_OPTIONS = List.of("-XX:+HeapDumpOnOutOfMemoryError", "-XX:MaxInlineLevel=20",
      "-XX:MaxTrivialSize=12", "-Xmx1G", "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED");

  record Result(int exitCode, String output) {}

  private ChildJvm() {}

  /** Runs {@code mainClass} with {@code properties} (as -D) and {@code args}; fails after {@code timeoutSeconds}. */
  static Result run(String mainClass, List<String> properties, List<String> args, long timeoutSeconds)
      throws IOException, InterruptedException {
    return runWrapped(List.of(), mainClass, properties, args, timeoutSeconds);
  }

  /** As {@link #run}, the java command given to {@code wrapper} as its last arguments (such as {@code unshare --net --}). */
  static Result runWrapped(List<String> wrapper, String mainClass, List<String> properties, List<String> args, long timeoutSeconds)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(wrapper);
    command.addAll(command(mainClass, properties, args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    try {
      TimedProcess.Result result = TimedProcess.run(builder, Duration.ofSeconds(timeoutSeconds));
      return new Result(result.exitCode(), result.output());
    } catch (TimedProcess.TimeoutException e) {
      throw new IllegalStateException(mainClass + " did not finish within " + timeoutSeconds + " s", e);
    }
  }

  /** Starts {@code mainClass} and leaves it running; its standard input stays open for the caller. */
  static Process start(String mainClass, List<String> args) throws IOException {
    return new ProcessBuilder(command(mainClass, List.of(), args)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static List<String> command(String mainClass, List<String> properties, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(GATLING_FORK_OPTIONS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    properties.forEach(p -> command.add("-D" + p));
    command.add(mainClass);
    command.addAll(args);
    return command;
  }
}
