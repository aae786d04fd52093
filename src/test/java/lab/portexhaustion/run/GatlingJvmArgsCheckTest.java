package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code -Dgatling.jvmArgs} as the gatling-maven-plugin splits it: an empty option is refused with the setting named. */
class GatlingJvmArgsCheckTest {

  @Test
  void aCommaAtEitherEndOrTwoInARowIsRefusedWithTheSettingNamed() {
    assertThat(GatlingJvmArgsCheck.problem("-Xmx4g,")).hasValueSatisfying(problem -> assertThat(problem)
        .startsWith("Setting '-Dgatling.jvmArgs' has the value '-Xmx4g,', with an empty option:")
        .endsWith("as in -Dgatling.jvmArgs=-Xmx4g,-XX:+UseZGC."));
    assertThat(GatlingJvmArgsCheck.problem(",-Xmx4g")).hasValueSatisfying(problem -> assertThat(problem).contains("with an empty option:"));
    assertThat(GatlingJvmArgsCheck.problem("-Xmx4g,,-Xss2m, ")).hasValueSatisfying(problem -> assertThat(problem)
        .contains("'-Xmx4g,,-Xss2m, ', with 2 empty options:"));
  }

  @Test
  void optionsBetweenSingleCommasAndAnEmptyValuePass() {
    assertThat(GatlingJvmArgsCheck.problem("-Xmx4g,-XX:+UseZGC")).isEmpty();
    assertThat(GatlingJvmArgsCheck.problem("-Xmx4g")).isEmpty();
    assertThat(GatlingJvmArgsCheck.problem("")).isEmpty();
  }
}
