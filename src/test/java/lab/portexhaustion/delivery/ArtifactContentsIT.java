package lab.portexhaustion.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import lab.portexhaustion.ThisPom;
import org.junit.jupiter.api.Test;

/**
 * The jars {@code mvn package} built (failsafe runs after it), as a user's project receives them: the main jar holds
 * the main classes and resources and nothing of the tests, the benchmarks or the simulations; the sources and Javadoc
 * jars Maven Central asks for are there beside it.
 */
class ArtifactContentsIT {

  private static final String NAME = "port-exhaustion-lab-" + ThisPom.text("/project/version");
  private static final Path TARGET = Path.of("target");

  @Test
  void theMainJarHoldsTheMainClassesAndNoTestBenchOrSimulationClass() throws IOException {
    List<String> entries = entries(TARGET.resolve(NAME + ".jar"));
    List<String> testClasses = classesUnder(TARGET.resolve("test-classes"));
    List<String> mainClasses = classesUnder(TARGET.resolve("classes"));

    assertThat(testClasses).as("the test classes were found").isNotEmpty();
    assertThat(entries).as("every main class").containsAll(mainClasses);
    assertThat(entries).as("no test class, benchmark or simulation").doesNotContainAnyElementsOf(testClasses);
    assertThat(entries.stream().filter(e -> e.endsWith(".class")))
        .allMatch(e -> e.startsWith("lab/portexhaustion/"))
        .noneMatch(e -> e.startsWith("lab/portexhaustion/bench/"));
    assertThat(entries).contains("META-INF/LICENSE", "build-info.properties", "harness-defaults.conf", "report/comparison.js");
  }

  @Test
  void theSourcesAndJavadocJarsCoverThePublicDsl() throws IOException {
    assertThat(entries(TARGET.resolve(NAME + "-sources.jar"))).contains("lab/portexhaustion/dsl/MongoDsl.java");
    assertThat(entries(TARGET.resolve(NAME + "-javadoc.jar"))).contains("index.html", "lab/portexhaustion/dsl/MongoDsl.html");
  }

  private static List<String> entries(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream().map(ZipEntry::getName).toList();
    }
  }

  private static List<String> classesUnder(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".class")).map(f -> root.relativize(f).toString().replace('\\', '/')).toList();
    }
  }
}
