package lab.portexhaustion.delivery;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * examples/product-catalogue is what a user copies: a Gatling project of its own that uses the lab as a dependency. Its
 * simulations are compiled here against this build's classes and held to the DSL, its files to its own, and its pom to
 * the Gatling plugin and the lab, at this build's versions.
 */
class ExampleProjectTest {

  private static final Path EXAMPLE = Path.of("examples", "product-catalogue");

  /** The DSL is the lab's API for simulations; everything else of the harness is reached only through it. */
  static final ArchRule ONLY_THE_DSL = noClasses().should().dependOnClassesThat(
      resideInAPackage("lab.portexhaustion..").and(DescribedPredicate.not(resideInAPackage("lab.portexhaustion.dsl.."))));

  @TempDir
  Path classes;

  @Test
  void theSimulationsReachNoHarnessClassOutsideTheDsl() throws IOException {
    List<Path> sources;
    try (Stream<Path> files = Files.walk(EXAMPLE.resolve("src"))) {
      sources = files.filter(f -> f.toString().endsWith(".java")).toList();
    }

    JavaClasses compiled = compile(sources);

    assertThat(compiled.stream().map(c -> c.getSimpleName()))
        .contains("ProductCatalogueSimulation", "ProductCataloguePooledSimulation");
    ONLY_THE_DSL.check(compiled);
  }

  @Test
  void aSimulationThatReachesPastTheDslFailsTheCheck() throws IOException {
    Path source = classes.resolve("src/sneaky/SneakySimulation.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, """
        package sneaky;
        public class SneakySimulation extends io.gatling.javaapi.core.Simulation {
          void end() { lab.portexhaustion.process.ProcessExit.exit(lab.portexhaustion.process.ProcessExit.Code.DONE); }
        }
        """);

    JavaClasses compiled = compile(List.of(source));

    assertThatThrownBy(() -> ONLY_THE_DSL.check(compiled)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("sneaky.SneakySimulation").hasMessageContaining("lab.portexhaustion.process.ProcessExit");
  }

  @Test
  void theExampleHoldsNoFileOfTheLabsSources() throws IOException {
    Map<String, Path> labSources = hashes(Path.of("src"));
    Map<String, Path> exampleFiles = hashes(EXAMPLE);

    assertThat(exampleFiles).as("the example's own files").isNotEmpty();
    assertThat(exampleFiles.keySet()).as("files of src/ copied into the example: %s", exampleFiles)
        .doesNotContainAnyElementsOf(labSources.keySet());
  }

  @Test
  void itsPomIsTheGatlingPluginAndTheLabAtThisBuildsVersions() throws Exception {
    XPath xpath = XPathFactory.newInstance().newXPath();
    Document example = xmlFile(EXAMPLE.resolve("pom.xml"));
    Document lab = xmlFile(Path.of("pom.xml"));

    assertThat(coordinates(xpath, example, "/project/dependencies/dependency"))
        .containsExactlyInAnyOrder("io.gatling.highcharts:gatling-charts-highcharts", "lab.portexhaustion:port-exhaustion-lab");
    assertThat(coordinates(xpath, example, "/project/build/plugins/plugin"))
        .containsExactlyInAnyOrder("io.gatling:gatling-maven-plugin", "org.apache.maven.plugins:maven-enforcer-plugin");
    // Every scope: the rule leaves test dependencies out by default, and a Gatling project's are all test dependencies.
    String upperBounds = "/project/build/plugins/plugin[artifactId='maven-enforcer-plugin']//rules/requireUpperBoundDeps";
    assertThat(xpath.evaluate("count(" + upperBounds + "/excludedScopes)", example)).isEqualTo("1");
    assertThat(xpath.evaluate("count(" + upperBounds + "/excludedScopes/*)", example)).isEqualTo("0");
    assertThat(xpath.evaluate("/project/properties/port-exhaustion-lab.version", example))
        .isEqualTo(xpath.evaluate("/project/version", lab));
    assertThat(xpath.evaluate("/project/properties/gatling.version", example))
        .isEqualTo(xpath.evaluate("/project/properties/gatling.version", lab));
    assertThat(xpath.evaluate("/project/build/plugins/plugin[artifactId='gatling-maven-plugin']/version", example))
        .isEqualTo(xpath.evaluate("/project/properties/gatling-maven-plugin.version", lab));
  }

  /** Its logging file is found before the Gatling plugin's, and must not silence the lab's own lines (the VERDICT). */
  @Test
  void itsLoggingFileKeepsTheLabsLinesAtInfo() throws Exception {
    Document logging = xmlFile(EXAMPLE.resolve("src/test/resources/logback-test.xml"));
    XPath xpath = XPathFactory.newInstance().newXPath();

    assertThat(xpath.evaluate("/configuration/logger[@name='lab.portexhaustion']/@level", logging)).isEqualTo("INFO");
    assertThat(xpath.evaluate("/configuration/root/appender-ref/@ref", logging))
        .isEqualTo(xpath.evaluate("/configuration/appender/@name", logging)).isNotEmpty();
  }

  private JavaClasses compile(List<Path> sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> arguments = new ArrayList<>(List.of("-d", classes.resolve("out").toString(),
        "-cp", System.getProperty("java.class.path"), "-proc:none", "-Xlint:none"));
    sources.forEach(source -> arguments.add(source.toString()));
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = javac.run(null, errors, errors, arguments.toArray(String[]::new));
    assertThat(status).as("the sources compile against this build: %s", errors).isZero();
    return new ClassFileImporter().importPath(classes.resolve("out"));
  }

  /** Every file under {@code root} by the SHA-256 of its content; build output and installed packages left out. */
  private static Map<String, Path> hashes(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> !f.startsWith(root.resolve("target")) && !f.toString().contains("node_modules"))
          .collect(Collectors.toMap(ExampleProjectTest::sha256, Function.identity(), (first, same) -> first));
    }
  }

  private static String sha256(Path file) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }

  private static Document xmlFile(Path file) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
  }

  private static Set<String> coordinates(XPath xpath, Document pom, String path) throws Exception {
    NodeList nodes = (NodeList) xpath.evaluate(path, pom, XPathConstants.NODESET);
    Set<String> found = new HashSet<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add(xpath.evaluate("groupId", nodes.item(i)) + ":" + xpath.evaluate("artifactId", nodes.item(i)));
    }
    return found;
  }
}
