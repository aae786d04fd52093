package lab.portexhaustion;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.UpwardDependencyFixture;
import org.junit.jupiter.api.Test;

/**
 * The packages follow the data flow one way (docs/architecture.md draws the same order): a package may use the ones
 * below it in {@link #TOP_DOWN}, never one above. An arrow that runs back up fails this test with the class and the
 * dependency that cross.
 */
class LayeringTest {

  /** Top to bottom, as docs/architecture.md lists them; the last, the root package, holds the build's facts. */
  static final List<String> TOP_DOWN = List.of(
      "launch", "dsl", "run", "report", "record", "verdict", "gatling", "measure", "onset", "strategy", "target", "sampler", "embedded",
      "mongod", "model", "failure", "sockets", "process", "config", "root");

  private static final String ROOT = "lab.portexhaustion";
  private static final JavaClasses MAIN =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

  @Test
  void noPackageUsesOneAboveIt() {
    assertThat(MAIN.containPackage(ROOT + ".dsl")).as("the main classes were found").isTrue();

    layers().check(MAIN);
  }

  @Test
  void everyPackageHasItsPlace() {
    List<String> packages = MAIN.stream().map(type -> type.getPackageName())
        .map(name -> name.equals(ROOT) ? "root" : name.substring(ROOT.length() + 1).split("\\.")[0]).distinct().toList();

    assertThat(TOP_DOWN).as("a new package needs its place in the order (here and in docs/architecture.md)").containsAll(packages);
  }

  /** docs/architecture.md's list of layers, one package a line under the simulations' line, is this order. */
  @Test
  void theArchitecturePageListsTheSameOrder() throws IOException {
    String page = Files.readString(Path.of("docs/architecture.md"));
    String layers = page.substring(page.indexOf("simulations/ and your own simulations"));
    List<String> listed = Pattern.compile("^  (\\w+|\\(root\\)) {2,}", Pattern.MULTILINE).matcher(layers.substring(0, layers.indexOf("```")))
        .results().map(line -> line.group(1).equals("(root)") ? "root" : line.group(1)).toList();

    assertThat(listed).as("the layers in docs/architecture.md").isEqualTo(TOP_DOWN);
  }

  @Test
  void anUpwardArrowFailsWithTheClassThatCrosses() {
    JavaClasses withUpwardArrow = new ClassFileImporter().importClasses(UpwardDependencyFixture.class, HarnessSettings.class,
        lab.portexhaustion.run.HarnessRun.class);

    assertThatThrownBy(() -> layers().check(withUpwardArrow))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(UpwardDependencyFixture.class.getName())
        .hasMessageContaining("lab.portexhaustion.run.HarnessRun");
  }

  private static LayeredArchitecture layers() {
    LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String layer : TOP_DOWN) {
      layers = layers.layer(layer).definedBy(layer.equals("root") ? ROOT : ROOT + "." + layer + "..");
    }
    layers = layers.whereLayer(TOP_DOWN.get(0)).mayNotBeAccessedByAnyLayer();
    for (int i = 1; i < TOP_DOWN.size(); i++) {
      layers = layers.whereLayer(TOP_DOWN.get(i)).mayOnlyBeAccessedByLayers(TOP_DOWN.subList(0, i).toArray(String[]::new));
    }
    return layers;
  }
}
