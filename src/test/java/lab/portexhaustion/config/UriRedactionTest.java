package lab.portexhaustion.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UriRedactionTest {

  @Test
  void masksThePasswordAndKeepsTheRest() {
    assertThat(UriRedaction.redact("mongodb://alice:s3cret@db1:27017,db2/app?authSource=admin"))
        .isEqualTo("mongodb://alice:****@db1:27017,db2/app?authSource=admin");
    assertThat(UriRedaction.redact("mongodb+srv://alice:s3cret@cluster0.example.net/"))
        .isEqualTo("mongodb+srv://alice:****@cluster0.example.net/");
  }

  @Test
  void leavesUrisWithoutPasswordAlone() {
    assertThat(UriRedaction.redact("mongodb://db1:27017")).isEqualTo("mongodb://db1:27017");
    assertThat(UriRedaction.redact("mongodb://alice@db1")).isEqualTo("mongodb://alice@db1");
  }

  @Test
  void scrubsThePasswordFromAnyTextRawAndDecoded() {
    String uri = "mongodb://alice:p%40ss%3Aword@db1";

    assertThat(UriRedaction.scrub("auth failed for p%40ss%3Aword and p@ss:word", uri))
        .isEqualTo("auth failed for **** and ****");
  }
}
