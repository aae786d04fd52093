package lab.portexhaustion.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The node version check that lets NodeDriverConformanceIT skip on a node older than the driver needs. */
class NodeEngineTest {

  @ParameterizedTest
  @CsvSource({
      "v20.20.2, true", "v20.19.0, true", "v20.18.9, false", "v19.99.99, false", "v22.0.0, true", "v20.19.1, true",
      "20.19.0, true", "v20.9.0, false"})
  void aVersionMeetsAnAtLeastRangePartByPartNotAsText(String node, boolean admitted) {
    assertThat(new NodeEngine(">=20.19.0").admits(node)).isEqualTo(admitted);
  }

  @Test
  void theRangeComesFromThePackagesEnginesAndAnotherFormIsTakenAsMet() {
    NodeEngine engine = NodeEngine.ofPackageJson("{\"name\": \"mongodb\", \"engines\": {\n  \"node\": \">=20.19.0\"\n}, \"x\": 1}");
    assertThat(engine.range()).isEqualTo(">=20.19.0");
    assertThat(engine.admits("v18.20.0")).isFalse();

    assertThat(NodeEngine.ofPackageJson("{\"name\": \"mongodb\"}").admits("v10.0.0")).isTrue();
    assertThat(new NodeEngine("^20.19.0 || >=22.12.0").admits("v10.0.0")).isTrue();
  }
}
