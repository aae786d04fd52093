package lab.portexhaustion.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker/harness.Dockerfile's shape, held to the rules a Dockerfile linter (hadolint) checks that matter here: base
 * images pinned to a release, a build stage apart from the runtime, a runtime without root, an exec-form entry point,
 * nothing fetched with ADD or curl, and every file it copies present and let through by its .dockerignore.
 */
class HarnessDockerfileTest {

  private static final Path DOCKERFILE = Path.of("docker/harness.Dockerfile");
  private static final Pattern INSTRUCTION = Pattern.compile("^([A-Z]+)\\s+(.*)$", Pattern.DOTALL);

  private record Instruction(String keyword, String arguments) {}

  private static final List<Instruction> instructions = new ArrayList<>();

  @BeforeAll
  static void parse() throws Exception {
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(DOCKERFILE)) {
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      current.append(line.strip());
      if (line.endsWith("\\")) {
        current.setLength(current.length() - 1);
        continue;
      }
      Matcher m = INSTRUCTION.matcher(current.toString());
      assertThat(m.matches()).as("an instruction: %s", current).isTrue();
      instructions.add(new Instruction(m.group(1), m.group(2).strip()));
      current.setLength(0);
    }
    assertThat(current).as("a continuation line ends the file").isEmpty();
  }

  private static List<Instruction> of(String keyword, List<Instruction> in) {
    return in.stream().filter(i -> i.keyword().equals(keyword)).toList();
  }

  /** The instructions of the last stage: from its FROM on. */
  private static List<Instruction> runtimeStage() {
    int last = 0;
    for (int i = 0; i < instructions.size(); i++) {
      if (instructions.get(i).keyword().equals("FROM")) {
        last = i;
      }
    }
    return instructions.subList(last, instructions.size());
  }

  @Test
  void aMavenBuildStageAndAJreRuntimeStageBothPinnedToARelease() {
    List<Instruction> froms = of("FROM", instructions);

    assertThat(froms).extracting(Instruction::arguments)
        .satisfiesExactly(
            build -> assertThat(build).matches("maven:3\\.9\\.\\d+-eclipse-temurin-17 AS build"),
            runtime -> assertThat(runtime).matches("eclipse-temurin:17\\.0\\.\\d+_\\d+-jre-[a-z]+"));
    assertThat(froms).noneMatch(f -> f.arguments().contains(":latest") || f.arguments().contains("${"));
    assertThat(of("COPY", runtimeStage())).extracting(Instruction::arguments).filteredOn(a -> a.startsWith("--from="))
        .hasSize(3).allMatch(a -> a.startsWith("--from=build "));
  }

  @Test
  void theRuntimeRunsAsAUserWithoutPrivilegesThroughAnExecFormEntryPoint() {
    List<Instruction> runtime = runtimeStage();
    List<Instruction> users = of("USER", runtime);

    assertThat(users).isNotEmpty();
    String user = users.get(users.size() - 1).arguments();
    assertThat(user.split(":")[0]).isNotIn("root", "0").matches("\\d+");
    assertThat(Integer.parseInt(user.split(":")[0])).isGreaterThanOrEqualTo(10000);
    assertThat(runtime.get(runtime.size() - 1).keyword()).isEqualTo("ENTRYPOINT");
    assertThat(runtime.get(runtime.size() - 1).arguments()).isEqualTo("[\"/opt/harness/bin/run-injector\"]");
    assertThat(of("RUN", runtime)).allMatch(r -> r.arguments().contains("useradd") && r.arguments().contains("--no-log-init"));
  }

  @Test
  void nothingIsFetchedByTheDockerfileItselfAndMavenRunsInBatchMode() {
    assertThat(of("ADD", instructions)).isEmpty();
    assertThat(instructions).noneMatch(i -> i.arguments().matches("(?s).*\\b(curl|wget)\\b.*"));
    assertThat(of("RUN", instructions)).filteredOn(r -> r.arguments().contains("mvn "))
        .hasSize(1).allMatch(r -> r.arguments().contains(" -B ") && r.arguments().contains(" -ntp "));
    assertThat(of("RUN", instructions)).noneMatch(r -> r.arguments().contains("apt-get install") && !r.arguments().contains("--no-install-recommends"));
  }

  /**
   * Every simulation of simulations/ is in the image, so that SIMULATIONS may name any of them (fleet.PoolStormSimulation,
   * examples.SessionStoreSimulation): the build stage copies the top-level ones and each package folder by name, and a
   * package added to simulations/ later must be added there too.
   */
  @Test
  void theImageHoldsEveryPackageOfSimulations() throws Exception {
    String build = of("RUN", instructions).stream().map(Instruction::arguments).filter(a -> a.contains("mvn "))
        .findFirst().orElseThrow();
    assertThat(build).contains("target/test-classes/*.class");
    try (Stream<Path> entries = Files.list(Path.of("simulations"))) {
      List<String> packages = entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(packages).isNotEmpty();
      for (String name : packages) {
        assertThat(build).as("the image's simulations hold the package %s", name)
            .containsPattern("\\starget/test-classes/" + Pattern.quote(name) + "(\\s|$)");
      }
    }
  }

  @Test
  void everyFileItCopiesExistsAndItsDockerignoreLetsItThrough() throws Exception {
    List<String> ignore = Files.readAllLines(Path.of("docker/harness.Dockerfile.dockerignore")).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    assertThat(ignore.get(0)).as("everything is left out but what is let in").isEqualTo("*");
    for (Instruction copy : of("COPY", instructions)) {
      if (copy.arguments().startsWith("--from=")) {
        continue;
      }
      String[] words = copy.arguments().split("\\s+");
      for (int i = 0; i < words.length - 1; i++) {
        String source = words[i].replaceAll("/$", "");
        assertThat(Path.of(source)).as("COPY source").exists();
        assertThat(ignore).as("%s let through", source).anyMatch(rule -> rule.equals("!" + source) || rule.equals("!" + source + "/"));
      }
    }
  }
}
