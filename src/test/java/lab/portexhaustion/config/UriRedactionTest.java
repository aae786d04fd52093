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
  void masksTheSecretsInTheOptionsAndKeepsTheUserAndTheOptionNames() {
    assertThat(UriRedaction.redact("mongodb://AKIAXXX:awsSecretKEY123@127.0.0.1:1/?authMechanism=MONGODB-AWS"
        + "&authMechanismProperties=AWS_SESSION_TOKEN:SessTok3nSECRET"))
        .isEqualTo("mongodb://AKIAXXX:****@127.0.0.1:1/?authMechanism=MONGODB-AWS&authMechanismProperties=****");
    assertThat(UriRedaction.redact("mongodb://db1/?tls=true&tlsCertificateKeyFile=/etc/client.pem&tlsCertificateKeyFilePassword=K3yPass"))
        .isEqualTo("mongodb://db1/?tls=true&tlsCertificateKeyFile=/etc/client.pem&tlsCertificateKeyFilePassword=****");
  }

  /** Option names are case-insensitive for the driver; values may be percent-encoded or hold what splits options. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "mongodb://h/?sslClientCertificateKeyPassword=K3yZq9                        | mongodb://h/?sslClientCertificateKeyPassword=****",
      "mongodb://h/?TLSCERTIFICATEKEYFILEPASSWORD=K3yZq9&tls=true                 | mongodb://h/?TLSCERTIFICATEKEYFILEPASSWORD=****&tls=true",
      "mongodb://h/?tlscertificatekeyfilepassword=K3y%26Zq9%3Bword                | mongodb://h/?tlscertificatekeyfilepassword=****",
      "mongodb://h/?proxyHost=px&proxyPassword=K3yZq9                             | mongodb://h/?proxyHost=px&proxyPassword=****",
      "mongodb://h/?tlsCertificateKeyFile%50assword=K3yZq9                        | mongodb://h/?tlsCertificateKeyFile%50assword=****",
      "mongodb://h/?tlsCertificateKeyFilePassword=K3y&Zq9&ssl=1                   | mongodb://h/?tlsCertificateKeyFilePassword=****&****&ssl=1",
      "mongodb://h/?tlsCertificateKeyFilePassword=K3y;Zq9                         | mongodb://h/?tlsCertificateKeyFilePassword=****;****",
      "MONGODB://u:p@h/?AUTHMECHANISMPROPERTIES=AWS_SESSION_TOKEN%3AK3yZq9        | MONGODB://u:****@h/?AUTHMECHANISMPROPERTIES=****",
      "mongodb://h/?authmechanismproperties=aws_session_token:K3y,Zq9             | mongodb://h/?authmechanismproperties=****",
      "mongodb://h/?authMechanismProperties=AWS_SESSION_TOKEN:K3y%2BZq9;appName=x | mongodb://h/?authMechanismProperties=****;appName=x"})
  void masksTheSecretOptionsWhateverTheirCaseOrEscaping(String uri, String redacted) {
    assertThat(UriRedaction.redact(uri)).isEqualTo(redacted).doesNotContain("K3y").doesNotContain("Zq9");
  }

  @Test
  void leavesOptionsWithoutSecretsAndEmptySecretsAlone() {
    String uri = "mongodb://db1/?authMechanism=MONGODB-X509&tlsCertificateKeyFile=/etc/client.pem&tlsCertificateKeyFilePassword=&appName=a";

    assertThat(UriRedaction.redact(uri)).isEqualTo(uri);
  }

  @Test
  void masksTheSecretOptionsOfEveryConnectionStringInAText() {
    assertThat(UriRedaction.mask("refused mongodb://db1/?tlsCertificateKeyFilePassword=K3yPass&tls=true, retrying"))
        .isEqualTo("refused mongodb://db1/?tlsCertificateKeyFilePassword=****&tls=true, retrying");
  }

  /**
   * A connection string quoted in parentheses ends before the ')' that closes them, and the punctuation after it; a ')'
   * of the secret's own, before that one, is masked with the rest of it.
   */
  @Test
  void aSecretOptionLastInAConnectionStringInParenthesesIsMaskedUpToTheClosingOne() {
    assertThat(UriRedaction.mask("refused (mongodb://u:pw@db1/?authMechanismProperties=AWS_SESSION_TOKEN:Tok3n) at once"))
        .isEqualTo("refused (mongodb://u:****@db1/?authMechanismProperties=****) at once");
    assertThat(UriRedaction.mask("refused (mongodb://db1/?proxyPassword=K3y)Pa55), then ( mongodb://db2/?proxyPassword=a)b))."))
        .isEqualTo("refused (mongodb://db1/?proxyPassword=****), then ( mongodb://db2/?proxyPassword=****).");
  }

  /** Quotes close a connection string as parentheses do, as a refusal quotes a setting's value: 'mongodb://...', then more. */
  @Test
  void aSecretOptionLastInAConnectionStringInQuotesIsMaskedUpToTheClosingOne() {
    assertThat(UriRedaction.mask("Setting 'target' has the value 'mongodb://db1/?proxyPassword=K3y'Pa55', but it must be"))
        .isEqualTo("Setting 'target' has the value 'mongodb://db1/?proxyPassword=****', but it must be");
    assertThat(UriRedaction.mask("refused \"mongodb://u:pw@db1/?authMechanismProperties=AWS_SESSION_TOKEN:Tok3n\". ('mongodb://db2/?proxyPassword=a')."))
        .isEqualTo("refused \"mongodb://u:****@db1/?authMechanismProperties=****\". ('mongodb://db2/?proxyPassword=****').");
  }

  @Test
  void aParenthesisAtTheEndOfASecretNotInParenthesesIsPartOfIt() {
    assertThat(UriRedaction.mask("refused mongodb://db1/?proxyPassword=K3yPa55) at once"))
        .isEqualTo("refused mongodb://db1/?proxyPassword=**** at once");
  }

  @Test
  void scrubsTheOptionSecretsAndEachAuthPropertyRawAndDecoded() {
    String uri = "mongodb://u:pw9@db1/?authMechanismProperties=AWS_SESSION_TOKEN:Sess%2BTok,Tok3n&tlsCertificateKeyFilePassword=K3y%40Zq9";

    assertThat(UriRedaction.scrub("'Tok3n' is not a key value pair; token Sess+Tok; key K3y@Zq9 or K3y%40Zq9", uri))
        .isEqualTo("'****' is not a key value pair; token ****; key **** or ****");
  }

  @Test
  void masksEveryConnectionStringInAText() {
    String text = "could not reach (MONGO://u:secret@db1/) nor 'mongodb+srv://v:p@ss/w@db2/x', see mongodb://db3:27017 at user@example";

    assertThat(UriRedaction.mask(text)).isEqualTo(
        "could not reach (MONGO://u:****@db1/) nor 'mongodb+srv://v:****@db2/x', see mongodb://db3:27017 at user@example");
  }

  /**
   * A secret ending in ')' inside a '(' the message never closes: the text alone cannot tell that ')' from a closing one,
   * the connection string it is about can, so it is masked with the secret.
   */
  @Test
  void scrubMasksASecretEndingInAParenthesisTheMessageNeverCloses() {
    assertThat(UriRedaction.scrub("refused (mongodb://db1/?proxyPassword=K3y) at once", "mongodb://db1/?proxyPassword=K3y)"))
        .isEqualTo("refused (mongodb://db1/?proxyPassword=**** at once");
    assertThat(UriRedaction.scrub("refused (mongodb://u:pw@db1/?authMechanismProperties=AWS_SESSION_TOKEN:T0k)",
        "mongodb://u:pw@db1/?authMechanismProperties=AWS_SESSION_TOKEN:T0k)"))
        .isEqualTo("refused (mongodb://u:****@db1/?authMechanismProperties=****");
  }

  /** A secret that would take a piece of a '://' with it is left to the masking of the text, which needs it to find the others. */
  @Test
  void scrubStillMasksTheOtherConnectionStringsWhenASecretIsPartOfAScheme() {
    assertThat(UriRedaction.scrub("mongodb://u:%3A%2F@db1/ or mongodb://v:P2ss@db2/", "mongodb://u:%3A%2F@db1/"))
        .doesNotContain("P2ss");
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
