package lab.portexhaustion.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Every scenario has its verdict key among the defaults: a scenario without one (a connection pattern added without its
 * key) made every run of it crash with Typesafe Config's stack trace as its settings were read.
 */
class ScenarioDefaultsTest {

  @Test
  void everyScenarioHasItsVerdictKeyWithADefault() {
    Config defaults = ConfigFactory.parseFile(Path.of("src/main/resources/harness-defaults.conf").toFile());

    assertThat(Arrays.stream(Scenario.values()).map(scenario -> "verdict." + scenario.configName()))
        .allSatisfy(key -> assertThat(defaults.hasPath(key)).as(key).isTrue());
  }
}
