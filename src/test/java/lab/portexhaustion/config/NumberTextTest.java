package lab.portexhaustion.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberTextTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "100           | 100",
      "100.0         | 100",
      "1e2           | 100",
      "' 100 '       | 100",
      "2.5           | 2.5",
      "2.50          | 2.5",
      "0.0           | 0",
      "0.1           | 0.1",
      "1700000000000 | 1700000000000",
      "-3.0          | -3",
      "auto          | auto"})
  void aNumberIsWrittenInItsShortestPlainForm(String value, String text) {
    assertThat(NumberText.of(value)).isEqualTo(text);
  }
}
