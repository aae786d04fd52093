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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real {@code mvn gatling:test} in this project, as a user runs it, with the command line of every process of its tree
 * read from {@code /proc/<pid>/cmdline} while they run: mvn's own JVM and the JVM the gatling-maven-plugin forks.
 *
 * <p>A process is told apart by its pid and its start time, not its pid alone: this machine's pids run to 32,768 and
 * come round again within minutes of a test run, and a process seen later under an earlier one's pid must not take
 * its place.
 */
final class MavenGatlingRun {

  private static final Duration POLL = Duration.ofMillis(20);

  /**
   * One process of mvn's tree, as last read while it ran.
   *
   * @param pid its pid
   * @param started when it started, as the kernel says ({@link Instant#EPOCH} when that could not be read)
   * @param firstSeen when a look first found it
   * @param lastSeen when a look last read its command line
   * @param commandLine its arguments joined by blanks
   */
  record SeenProcess(long pid, Instant started, Instant firstSeen, Instant lastSeen, String commandLine) {}

  /**
   * @param exitCode mvn's exit code
   * @param output what mvn and its fork printed, both streams
   * @param processes every process of mvn's tree seen running, in the order first seen
   * @param longestPause the longest time between two looks at the tree: a process that lived less than it may be missing
   */
  record Result(int exitCode, String output, List<SeenProcess> processes, Duration longestPause) {

    /** The command line of the JVM that ran Gatling. */
    List<String> gatlingJvms() {
      return processes.stream().map(SeenProcess::commandLine).filter(c -> c.contains("io.gatling.app.Gatling")).toList();
    }

    /** Every command line seen. */
    List<String> commandLines() {
      return processes.stream().map(SeenProcess::commandLine).toList();
    }

    /** The pid of mvn's own JVM. */
    long mavenPid() {
      return processes.stream().filter(p -> p.commandLine().contains("org.codehaus.plexus.classworlds.launcher.Launcher"))
          .mapToLong(SeenProcess::pid).findFirst().orElseThrow();
    }

    /** What was seen and what the plugin said it ran, for an assertion's description. */
    String seen() {
      String table = processes.stream()
          .map(p -> String.format(Locale.ROOT, "  pid %d started %s, seen %s to %s: %.200s", p.pid(), p.started(), p.firstSeen(),
              p.lastSeen(), p.commandLine()))
          .collect(Collectors.joining("\n"));
      String ran = output.lines().filter(line -> line.contains("Running simulation")).collect(Collectors.joining("\n  "));
      return String.format(Locale.ROOT, "processes seen (longest pause between looks %d ms):%n%s%nthe plugin said:%n  %s",
          longestPause.toMillis(), table, ran);
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
    Map<String, SeenProcess> seen = new LinkedHashMap<>();
    Instant deadline = Instant.now().plus(limit);
    Duration longestPause = Duration.ZERO;
    Instant lastLook = Instant.now();
    try {
      while (mvn.isAlive()) {
        Instant now = Instant.now();
        if (now.isAfter(deadline)) {
          throw new AssertionError("mvn did not end within " + limit.toSeconds() + " s; its output:\n" + Files.readString(log));
        }
        Duration pause = Duration.between(lastLook, now);
        longestPause = pause.compareTo(longestPause) > 0 ? pause : longestPause;
        lastLook = now;
        Stream.concat(Stream.of(mvn.toHandle()), mvn.descendants()).forEach(p -> look(p, now, seen));
        Thread.sleep(POLL.toMillis());
      }
      return new Result(mvn.exitValue(), Files.readString(log), List.copyOf(seen.values()), longestPause);
    } finally {
      mvn.descendants().forEach(ProcessHandle::destroyForcibly);
      mvn.destroyForcibly();
    }
  }

  /**
   * Reads one process's command line into {@code seen}, unless it is its parent's: a child between fork and exec (a command the
   * fork or a library in it runs, the plugin starting its fork) shows its parent's command line until exec replaces it,
   * and is not a second JVM of that kind.
   */
  private static void look(ProcessHandle process, Instant now, Map<String, SeenProcess> seen) {
    Optional<String> parents = process.parent().flatMap(parent -> commandLine(parent.pid()));
    Instant started = process.info().startInstant().orElse(Instant.EPOCH);
    commandLine(process.pid()).filter(commandLine -> !parents.equals(Optional.of(commandLine))).ifPresent(commandLine -> seen.merge(process.pid() + "@" + started,
        new SeenProcess(process.pid(), started, now, now, commandLine),
        (earlier, later) -> new SeenProcess(earlier.pid(), earlier.started(), earlier.firstSeen(), now, later.commandLine())));
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
