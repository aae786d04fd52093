package lab.portexhaustion.mongod;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A double in a message as mongod prints it: C's %.16g with ".0" added where the text has no '.', 'E' or 'N'. The
 * expected texts are what C's printf (here through Python's '%.16g', the same conversion) gives, plus that suffix.
 */
class MongodDoubleTextTest {

  @ParameterizedTest
  @CsvSource({
      "1e19, 1e+19.0",
      "-1e19, -1e+19.0",
      "9223372036854775808, 9.223372036854776e+18",
      "1234567890123456789, 1.234567890123457e+18",
      "1e16, 1e+16.0",
      "123456789012345.6, 123456789012345.6",
      "3, 3.0",
      "-1, -1.0",
      "2.5, 2.5",
      "0.1, 0.1",
      "0.0001, 0.0001",
      "0.00001, 1e-05.0",
      "-0.0, -0.0",
      "NaN, nan.0",
      "Infinity, inf.0",
      "-Infinity, -inf.0"})
  void printsAsMongodPrintsIt(double value, String text) {
    assertThat(MongodDoubleText.of(value)).isEqualTo(text);
  }
}
