package lab.portexhaustion.mongod;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A number in mongod's delete-limit message, as C++'s output stream writes a double: 6 significant digits. */
class WriteStatementsTest {

  @Test
  void aDoubleIsWrittenAsCppsStreamWritesIt() {
    assertThat(WriteStatements.streamed(2)).isEqualTo("2");
    assertThat(WriteStatements.streamed(-1)).isEqualTo("-1");
    assertThat(WriteStatements.streamed(0.5)).isEqualTo("0.5");
    assertThat(WriteStatements.streamed(42.13)).isEqualTo("42.13");
    assertThat(WriteStatements.streamed(1234567)).isEqualTo("1.23457e+06");
    assertThat(WriteStatements.streamed(1e19)).isEqualTo("1e+19");
    assertThat(WriteStatements.streamed(0.0001)).isEqualTo("0.0001");
    assertThat(WriteStatements.streamed(0.00001)).isEqualTo("1e-05");
  }
}
