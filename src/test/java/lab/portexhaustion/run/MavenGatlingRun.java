package lab.portexhaustion.run;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real {@code mvn gatling:test} in this project, as a user runs it, with the command line of every process of its tree
 * read from {@code /proc/<pid>/cmdline} while they run: mvn's own JVM and the JVM the gatling-maven-plugin forks.
 */
final class MavenGatlingRun {

  private static final Duration POLL = Duration.ofMillis(20);

  /**
   * @param exitCode mvn's exit code
   * @param output what mvn and its fork printed, both streams
   * @param commandLines each process's command line, by pid, its arguments joined by blanks
   */
  record Result(int exitCode, String output, Map<Long, String> commandLines) {

    /** The command line of the JVM that ran Gatling. */
    List<String> gatlingJvms() {
      return commandLines.values().stream().filter(c -> c.contains("io.gatling.app.Gatling")).toList();
    }
  }

  private MavenGatlingRun() {}

  static Result run(Map<String, String> environment, Path log, Duration limit, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("mvn", "-B", "gatling:test"));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(environment);
    Process mvn = builder.start();
    Map<Long, String> commandLines = new LinkedHashMap<>();
    Instant deadline = Instant.now().plus(limit);
    try {
      while (mvn.isAlive()) {
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError("mvn did not end within " + limit.toSeconds() + " s; its output:\n" + Files.readString(log));
        }
        Stream.concat(Stream.of(mvn.toHandle()), mvn.descendants()).forEach(p -> commandLine(p.pid()).ifPresent(c -> commandLines.put(p.pid(), c)));
        Thread.sleep(POLL.toMillis());
      }
      return new Result(mvn.exitValue(), Files.readString(log), commandLines);
    } finally {
      mvn.descendants().forEach(ProcessHandle::destroyForcibly);
      mvn.destroyForcibly();
    }
  }

  /** The process's command line as the kernel shows it to every user of the machine; empty once it has ended. */
  private static Optional<String> commandLine(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      return raw.length == 0 ? Optional.empty()
          : Optional.of(new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
