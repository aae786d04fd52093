package lab.portexhaustion.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import lab.portexhaustion.process.ProcessExit;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Checks {@code -Dgatling.simulationClass} against the compiled simulations before any JVM is forked: Gatling itself
 * takes only a class's full name, and answers a bare or mistyped one with a ClassNotFoundException and thirty lines of
 * stack trace. pom.xml runs this in Maven's JVM (exec:java, in the test-compile phase that {@code mvn gatling:test}
 * runs first) whenever the property is set; a name that is no simulation ends the build there, as a setup mistake.
 */
public final class SimulationClassCheck {

  /** Gatling's simulation classes: the Java DSL's and the Scala DSL's. */
  private static final List<String> SIMULATION_TYPES = List.of("io.gatling.javaapi.core.Simulation", "io.gatling.core.scenario.Simulation");
  /** The project's own test simulations (the benchmark's, the DSL misuse ones): runnable by full name, never suggested. */
  private static final String OWN_TEST_PACKAGE = "lab.portexhaustion.";
  private static final int MAX_DISTANCE = 3;
  private static final String PROPERTY = "gatling.simulationClass";
  private static final String EMPTY = "Setting '-Dgatling.simulationClass' is empty: Gatling would start with no simulation"
      + " and end with a stack trace. Name one simulation by its full name (-Dgatling.simulationClass=PooledSimulation), or"
      + " leave the setting out to run every simulation the build includes.";

  private SimulationClassCheck() {}

  /**
   * {@code args}: the folder of the compiled simulations, then the value of {@code -Dgatling.simulationClass} (absent:
   * not given, no check). A name that is no simulation, or an empty one (a CI variable left empty, which
   * Gatling answers with a stack trace), ends Maven's JVM as a setup failure: its paragraph, exit code 3.
   */
  public static void main(String[] args) {
    // Maven hands an empty property to the argument as null, as it does an absent one; Maven's own system property
    // (-D on the mvn command line) tells them apart.
    Optional<String> given = Optional.ofNullable(System.getProperty(PROPERTY))
        .or(() -> Optional.ofNullable(args.length < 2 ? null : args[1]))
        .map(String::strip);
    ProcessExit.exitOnFailure(() -> {
      if (given.filter(String::isEmpty).isPresent()) {
        throw new SetupFailureException("Gatling", List.of(EMPTY));
      }
      given.ifPresent(name -> problem(name, Path.of(args[0]), Thread.currentThread().getContextClassLoader()).ifPresent(problem -> {
        throw new SetupFailureException(name, List.of(problem));
      }));
      return null;
    });
  }

  /** Why {@code name} names no simulation among the classes in {@code classes}, loaded by {@code loader}; empty when it does. */
  static Optional<String> problem(String name, Path classes, ClassLoader loader) {
    Optional<Class<?>> named = load(name, loader);
    if (named.isPresent()) {
      return isSimulation(named.get(), loader) ? Optional.empty()
          : Optional.of(name + " is a class but no simulation: a simulation extends " + SIMULATION_TYPES.get(0) + ".");
    }
    List<String> simulations = simulationsIn(classes, loader);
    String simpleName = name.substring(name.lastIndexOf('.') + 1);
    List<String> sameName = simulations.stream().filter(s -> simpleNameOf(s).equalsIgnoreCase(simpleName)).toList();
    List<String> meant = sameName.isEmpty() ? nearest(simpleName, simulations).stream().toList() : sameName;
    List<String> offered = simulations.stream().filter(s -> !s.startsWith(OWN_TEST_PACKAGE)).toList();
    String suggestion = !meant.isEmpty() ? "; did you mean " + String.join(" or ", meant) + "?"
        : offered.isEmpty() ? ": no simulation is compiled in " + classes + "."
        : ". The simulations are " + String.join(", ", offered) + ".";
    return Optional.of("no simulation " + name + suggestion + " -Dgatling.simulationClass takes a simulation's full name: its"
        + " package (its folder under simulations/), a dot, and its class name.");
  }

  private static Optional<Class<?>> load(String name, ClassLoader loader) {
    try {
      return Optional.of(Class.forName(name, false, loader));
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }

  private static boolean isSimulation(Class<?> type, ClassLoader loader) {
    return SIMULATION_TYPES.stream().map(t -> load(t, loader)).flatMap(Optional::stream).anyMatch(t -> t.isAssignableFrom(type));
  }

  /** The simulation classes compiled into {@code classes}, by full name, sorted. */
  private static List<String> simulationsIn(Path classes, ClassLoader loader) {
    if (!Files.isDirectory(classes)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(classes)) {
      return files.map(classes::relativize).map(Path::toString)
          .filter(f -> f.endsWith(".class") && !f.contains("$"))
          .map(f -> f.substring(0, f.length() - ".class".length()).replace(classes.getFileSystem().getSeparator(), "."))
          .filter(c -> load(c, loader).filter(type -> isSimulation(type, loader)).isPresent())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<String> nearest(String simpleName, List<String> simulations) {
    LevenshteinDistance distance = new LevenshteinDistance(MAX_DISTANCE);
    String typed = simpleName.toLowerCase(Locale.ROOT);
    return simulations.stream()
        .filter(s -> distance.apply(typed, simpleNameOf(s).toLowerCase(Locale.ROOT)) >= 0)
        .min(Comparator.comparingInt((String s) -> distance.apply(typed, simpleNameOf(s).toLowerCase(Locale.ROOT))));
  }

  /** A class's name without its package. */
  static String simpleNameOf(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
