package lab.portexhaustion.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * How Gatling was launched in this JVM, as far as the harness needs it: the results folder Gatling writes its runs to
 * (the comparison goes there too), the batch a run belongs to (the runs of one {@code mvn gatling:test}), and whether
 * Gatling writes an HTML report after each run ({@code -Dgatling.noReports} says not).
 *
 * <p>Gatling 3.16 keeps its results folder in its command-line arguments ({@code -rf}), not in its configuration, and
 * hands them to nothing a simulation can reach. The gatling-maven-plugin forks each simulation's JVM through a main
 * that reads Gatling's arguments from the classpath resource {@value #FORK_ARGUMENTS}, one per line: the harness reads
 * the same file. The same fork means the same build: every simulation of one {@code mvn
 * gatling:test} is forked by the one Maven JVM, whose pid and start time name the batch. So a user's project needs
 * no setting for either; the two system properties below still override both, for a JVM started without a plugin.
 */
public record GatlingLaunch(Path resultsFolder, Optional<String> batch, boolean reportsWritten) {

  /** Overrides the results folder (a JVM the plugin did not fork: tests, the container image's injector). */
  public static final String RESULTS_PROPERTY = "portexhaustionlab.resultsFolder";

  /** Overrides the batch id; blank means no batch. */
  public static final String BATCH_PROPERTY = "portexhaustionlab.batch";

  /** Where the plugin's forked main reads Gatling's arguments from. */
  static final String FORK_ARGUMENTS = "META-INF/args.txt";

  /** The gatling-maven-plugin's default {@code resultsFolder}, relative to the project folder its fork runs in. */
  static final Path PLUGIN_DEFAULT_RESULTS = Path.of("target", "gatling");

  private static final List<String> RESULTS_OPTIONS = List.of("-rf", "--results-folder");
  private static final List<String> SIMULATION_OPTIONS = List.of("-s", "--simulation");
  private static final List<String> NO_REPORTS_OPTIONS = List.of("-nr", "--no-reports");
  private static final String GATLING_MAIN = "io.gatling.app.Gatling";
  private static final DateTimeFormatter BATCH_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  /** This JVM's launch: its system properties, the fork's arguments on its classpath, and the process that started it. */
  public static GatlingLaunch ofThisJvm() {
    return of(Optional.ofNullable(System.getProperty(RESULTS_PROPERTY)), Optional.ofNullable(System.getProperty(BATCH_PROPERTY)),
        forkArguments(ClassLoader.getSystemClassLoader()), ProcessHandle.current().parent());
  }

  /**
   * @param resultsProperty {@link #RESULTS_PROPERTY}, if set
   * @param batchProperty {@link #BATCH_PROPERTY}, if set
   * @param forkArguments Gatling's arguments as the plugin's fork reads them; empty when the plugin did not fork this JVM
   * @param parent the process that started this JVM
   */
  static GatlingLaunch of(Optional<String> resultsProperty, Optional<String> batchProperty, Optional<List<String>> forkArguments,
      Optional<ProcessHandle> parent) {
    Path results = resultsProperty.map(Path::of)
        .or(() -> forkArguments.flatMap(GatlingLaunch::resultsOption))
        .orElse(PLUGIN_DEFAULT_RESULTS);
    Optional<String> batch = batchProperty.isPresent()
        ? batchProperty.filter(b -> !b.isBlank())
        : forkArguments.flatMap(args -> parent).map(GatlingLaunch::batchOf);
    // Without the fork's arguments (Gatling run in-process), as Gatling's default: a report after the run.
    boolean reportsWritten = forkArguments.filter(args -> args.stream().anyMatch(NO_REPORTS_OPTIONS::contains)).isEmpty();
    return new GatlingLaunch(results, batch, reportsWritten);
  }

  /**
   * The class of the simulation Gatling was given to run ({@code -s}, {@code --simulation}): in the plugin's fork
   * arguments, else after the main class on this JVM's command line ({@code java ... io.gatling.app.Gatling --simulation
   * ...}); empty when neither names one (Gatling then picks the only simulation on the classpath).
   *
   * <p>The command line is read from {@code sun.java.command} (the main class and its arguments, space-separated, as
   * HotSpot JVMs set it on every system) rather than {@code ProcessHandle.info().arguments()}, which Linux JDKs leave
   * empty for a command line as long as a Gatling classpath makes it; and only when that main class is Gatling's, as
   * another program's {@code -s} means something else (Maven's: its settings file). Split on spaces, an argument
   * holding a space (a path) reads wrongly, but a class name holds none.
   */
  public static Optional<String> simulationOfThisJvm() {
    return forkArguments(ClassLoader.getSystemClassLoader()).flatMap(GatlingLaunch::simulationOption)
        .or(() -> Optional.ofNullable(System.getProperty("sun.java.command")).flatMap(GatlingLaunch::simulationOfCommand));
  }

  /** The simulation a {@code sun.java.command} names, when its main class is Gatling's. */
  static Optional<String> simulationOfCommand(String command) {
    List<String> words = List.of(command.trim().split(" +"));
    return words.get(0).equals(GATLING_MAIN) ? simulationOption(words.subList(1, words.size())) : Optional.empty();
  }

  static Optional<String> simulationOption(List<String> arguments) {
    return option(arguments, SIMULATION_OPTIONS);
  }

  /** The arguments in {@link #FORK_ARGUMENTS} as {@code loader} finds it, one per line; empty when it has none. */
  static Optional<List<String>> forkArguments(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(FORK_ARGUMENTS)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + FORK_ARGUMENTS + " from the classpath", e);
    }
  }

  private static Optional<Path> resultsOption(List<String> arguments) {
    return option(arguments, RESULTS_OPTIONS).map(Path::of);
  }

  /** The value after the first of {@code names} in {@code arguments}. */
  private static Optional<String> option(List<String> arguments, List<String> names) {
    for (int i = 0; i + 1 < arguments.size(); i++) {
      if (names.contains(arguments.get(i))) {
        return Optional.of(arguments.get(i + 1));
      }
    }
    return Optional.empty();
  }

  /** The build's start time (UTC, as Maven's build timestamp reads) and its pid: two builds never share one. */
  private static String batchOf(ProcessHandle build) {
    return build.info().startInstant().map(BATCH_TIME::format).map(time -> time + "-").orElse("") + "pid" + build.pid();
  }
}
