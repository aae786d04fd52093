package lab.portexhaustion.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    assertThat(UriRedaction.redact("mongodb://db1/?appName=ops@example")).isEqualTo("mongodb://db1/?appName=ops@example");
  }

  /** Each form a user mistyped, as the issue lists them: the password is masked whole, whatever the driver makes of it. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "mongo://u:secret@host/         | mongo://u:****@host/",
      "MONGODB://u:secret@host/       | MONGODB://u:****@host/",
      "Mongodb+SRV://u:secret@host/   | Mongodb+SRV://u:****@host/",
      "'  mongodb://u:secret@host/'   | '  mongodb://u:****@host/'",
      "mongodb://u:sec@ret@host/      | mongodb://u:****@host/",
      "mongodb://u:sec/ret@host/db    | mongodb://u:****@host/db",
      "mongodb://u:s%zzcret@host      | mongodb://u:****@host",
      "mongodb://u:sec ret@host       | mongodb://u:****@host",
      "mongodb:/u:secret@host         | mongodb:****@host",
      "u:secret@host:27017            | u:****@host:27017",
      "mongodb://u@secret@host        | mongodb://u:****@host"})
  void masksThePasswordWhateverTheSchemeCaseBlanksOrEscaping(String uri, String redacted) {
    assertThat(UriRedaction.redact(uri)).isEqualTo(redacted).doesNotContain("sec").doesNotContain("ret");
  }

  @Test
  void masksEveryConnectionStringInAText() {
    String text = "could not reach (MONGO://u:secret@db1/) nor 'mongodb+srv://v:p@ss/w@db2/x', see mongodb://db3:27017 at user@example";

    assertThat(UriRedaction.mask(text)).isEqualTo(
        "could not reach (MONGO://u:****@db1/) nor 'mongodb+srv://v:****@db2/x', see mongodb://db3:27017 at user@example");
  }

  @Test
  void scrubsThePasswordFromAnyTextRawAndDecoded() {
    String uri = "mongodb://alice:p%40ss%3Aword@db1";

    assertThat(UriRedaction.scrub("auth failed for p%40ss%3Aword and p@ss:word", uri))
        .isEqualTo("auth failed for **** and ****");
  }

  @Test
  void scrubsAPasswordThatIsNotValidPercentEncoding() {
    assertThat(UriRedaction.scrub("bad escape in s%zzcret", "mongodb://u:s%zzcret@host")).isEqualTo("bad escape in ****");
  }

  @Test
  void aPasswordWithACharacterTheDriverSplitsAtMayBeQuotedInPieces() {
    assertThat(UriRedaction.passwordMayBeQuotedInPieces("mongodb://u:sec/ret@host")).isTrue();
    assertThat(UriRedaction.passwordMayBeQuotedInPieces("mongodb://u:sec@ret@host")).isTrue();
    assertThat(UriRedaction.passwordMayBeQuotedInPieces("mongodb://u:sec:ret@host")).isTrue();
    assertThat(UriRedaction.passwordMayBeQuotedInPieces("mongodb://u:s%zzcret@host")).isTrue();
    assertThat(UriRedaction.passwordMayBeQuotedInPieces("mongodb://u:sec%2Fret@host")).isFalse();
    assertThat(UriRedaction.passwordMayBeQuotedInPieces("mongodb://u:secret@host")).isFalse();
    assertThat(UriRedaction.passwordMayBeQuotedInPieces("mongodb://host/")).isFalse();
  }

  @Test
  void anAtSignBetweenTheFirstSlashAndTheOptionsIsASlashInThePassword() {
    assertThat(UriRedaction.hasUnescapedSlashInUserInfo("mongodb://u:12/ret@host")).isTrue();
    assertThat(UriRedaction.hasUnescapedSlashInUserInfo("mongodb://u:12/ret@host/db")).isTrue();
    assertThat(UriRedaction.hasUnescapedSlashInUserInfo("mongodb://u:12%2Fret@host/db")).isFalse();
    assertThat(UriRedaction.hasUnescapedSlashInUserInfo("mongodb://host/db?appName=ops@example")).isFalse();
    assertThat(UriRedaction.hasUnescapedSlashInUserInfo("mongodb://host")).isFalse();
  }
}
