package lab.portexhaustion.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The settings never quote a password, whatever form the connection string was mistyped in or whichever key it was given to. */
class UriPasswordSettingsTest {

  private static final String PASSWORD = "Tr0ub4dor";

  @TempDir
  Path dir;

  private InvalidSettingsException rejected(Map<String, String> overrides) {
    return catchThrowableOfType(InvalidSettingsException.class, () -> SettingsLoader.load(overrides, dir.resolve("absent.conf")));
  }

  /** The forms of the issue: a typo in the scheme, capitals, a leading blank, an unescaped '@', '/', ':' or '%' in the password. */
  @ParameterizedTest
  @ValueSource(strings = {
      "mongo://u:" + PASSWORD + "@host/",
      "MONGODB://u:" + PASSWORD + "@host/",
      " mongo://u:" + PASSWORD + "@host/",
      "mongodb://u:Tr0ub@4dor@host/",
      "mongodb://u:Tr0ub/4dor@host/",
      "mongodb://u:Tr0ub/4dor@host",
      "mongodb://u:Tr0ub:4dor@host/",
      "mongodb://u:Tr0ub%g4dor@host/"})
  void aRefusedUriIsQuotedWithItsPasswordMaskedWhole(String uri) {
    InvalidSettingsException e = rejected(Map.of("target", "uri", "uri", uri));

    assertThat(e).as(uri).isNotNull();
    assertThat(e.getMessage()).contains("Setting 'uri' (", "u:****@host").doesNotContain("Tr0ub", "4dor");
  }

  @Test
  void aSlashInThePasswordIsNamedWithTheSpellingThatWorks() {
    assertThat(rejected(Map.of("uri", "mongodb://u:Tr0ub/4dor@host")).getMessage())
        .contains("an '@' after a '/'", "'/' as %2F");
  }

  @Test
  void aBlankAroundTheUriIsNotPartOfIt() {
    HarnessSettings s = SettingsLoader.load(Map.of("target", "uri", "uri", "  mongodb://u:" + PASSWORD + "@db.example/ "),
        dir.resolve("absent.conf"));

    assertThat(s.uri()).hasValueSatisfying(u -> assertThat(u.getHosts()).containsExactly("db.example"));
    assertThat(s.reported()).containsEntry("uri", "mongodb://u:****@db.example/");
  }

  @Test
  void theReportedUriMasksTheSessionTokenAndTheKeyPassword() {
    HarnessSettings s = SettingsLoader.load(Map.of("target", "uri", "uri", "mongodb://AKIAXXX:" + PASSWORD + "@db.example/"
        + "?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:SessTok3nSECRET&tlsCertificateKeyFilePassword=K3yPass"),
        dir.resolve("absent.conf"));

    assertThat(s.reported().get("uri")).isEqualTo("mongodb://AKIAXXX:****@db.example/?authMechanism=MONGODB-AWS"
        + "&authMechanismProperties=****&tlsCertificateKeyFilePassword=****");
  }

  @Test
  void aRefusedUriIsQuotedWithoutAPieceOfItsSessionToken() {
    InvalidSettingsException e = rejected(Map.of("target", "uri",
        "uri", "mongodb://AKIAXXX:" + PASSWORD + "@host/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:Sess,Tok3n"));

    assertThat(e.getMessage()).contains("Setting 'uri' (", "authMechanismProperties=****", "not a key value pair")
        .doesNotContain(PASSWORD, "Sess", "Tok3n");
  }

  /** The refusal quotes the uri in parentheses; its secret option, the last one, is masked up to the ')' and no further. */
  @Test
  void aRefusedUriWhoseLastOptionIsSecretKeepsTheParenthesisThatClosesIt() {
    InvalidSettingsException e = rejected(Map.of("target", "uri",
        "uri", "mongodb://AKIAXXX:" + PASSWORD + "@host/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:Sess,Tok3n"));

    assertThat(e.getMessage()).contains("Setting 'uri' (mongodb://AKIAXXX:****@host/?authMechanism=MONGODB-AWS"
        + "&authMechanismProperties=****) is not a valid MongoDB connection string: ").doesNotContain(PASSWORD, "Sess", "Tok3n");
  }

  @Test
  void aUriGivenToAnotherKeyIsMaskedInThatKeysMessage() {
    assertThat(rejected(Map.of("target", "mongodb://u:" + PASSWORD + "@host/")).getMessage())
        .contains("Setting 'target'", "mongodb://u:****@host/").doesNotContain(PASSWORD);
  }

  /**
   * A key that is read as a number, a duration or a choice quotes its value when it refuses it: a connection string there,
   * with a blank in its password or in a secret option's value, is masked as one whole, not cut at the blank.
   */
  @ParameterizedTest
  @ValueSource(strings = {"target", "load.peakRate", "load.rampTime", "pool.maxPoolSize"})
  void aUriWithABlankInASecretGivenToAnotherKeyIsMaskedWhole(String key) {
    String message = rejected(Map.of(key, "mongodb://u:Tr0ub 4dor@host/?proxyPassword=K3y Zq9")).getMessage();

    assertThat(message).contains("Setting '" + key + "' has the value 'mongodb://u:****@host/?proxyPassword=****'")
        .doesNotContain("Tr0ub", "4dor", "K3y", "Zq9");
  }

  /** The settings as a text (a log line, an assertion's message, a debugger) hold the connection string of the driver, raw. */
  @Test
  void theSettingsAsATextMaskTheirConnectionString() {
    String uri = "mongodb://u:" + PASSWORD + "@host/?authMechanismProperties=AWS_SESSION_TOKEN:Tok3n";
    HarnessSettings settings = SettingsLoader.load(Map.of("target", "uri", "uri", uri), dir.resolve("absent.conf"));

    assertThat(settings.toString()).contains("mongodb://u:****@host/?authMechanismProperties=****").doesNotContain(PASSWORD, "Tok3n");
    assertThat(ProtocolSettings.Server.of(TargetKind.URI).withUri(uri).toString())
        .contains("mongodb://u:****@host/?authMechanismProperties=****").doesNotContain(PASSWORD, "Tok3n");
  }

  @Test
  void aSettingsFileThatCannotBeParsedIsQuotedWithoutThePassword() throws IOException {
    Path file = Files.writeString(dir.resolve("harness.conf"), "uri = \"mongodb://u:" + PASSWORD + "@host/\n");

    assertThatThrownBy(() -> SettingsLoader.load(Map.of(), file)).isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("cannot be read").hasMessageNotContaining(PASSWORD);
  }

  @Test
  void theEnvironmentGivesTheUriWhenTheCommandLineDoesNot() {
    Map<Object, Object> overrides = UriSource.withEnvironment(Map.of("load.peakRate", "7"),
        Map.of(UriSource.URI_ENV, "mongodb://u:" + PASSWORD + "@db.example/"));

    HarnessSettings s = SettingsLoader.load(overrides, dir.resolve("absent.conf"));
    assertThat(s.uri()).hasValueSatisfying(u -> assertThat(u.getPassword()).containsExactly(PASSWORD.toCharArray()));
    assertThat(s.load().peakRate()).isEqualTo(7);
  }

  @Test
  void aFileNamedInTheEnvironmentGivesTheUri() throws IOException {
    Path file = Files.writeString(dir.resolve("mongo-uri"), "mongodb://u:" + PASSWORD + "@db.example/\n");

    Map<Object, Object> overrides = UriSource.withEnvironment(Map.of(), Map.of(UriSource.URI_FILE_ENV, file.toString()));

    assertThat(overrides).containsEntry("uri", "mongodb://u:" + PASSWORD + "@db.example/");
  }

  @Test
  void anExplicitMinusDUriWinsOverTheEnvironment() {
    Map<Object, Object> overrides = UriSource.withEnvironment(Map.of("uri", "mongodb://fleet-server:40000"),
        Map.of(UriSource.URI_ENV, "mongodb://u:" + PASSWORD + "@db.example/"));

    assertThat(overrides).containsEntry("uri", "mongodb://fleet-server:40000");
  }

  /** A CI job's -Duri=${VAR} whose variable is empty gives an empty -Duri: the environment's connection string stands. */
  @Test
  void anEmptyMinusDUriLeavesTheEnvironmentsConnectionString() {
    Map<Object, Object> overrides = UriSource.withEnvironment(Map.of("uri", " "),
        Map.of(UriSource.URI_ENV, "mongodb://u:" + PASSWORD + "@db.example/"));

    assertThat(overrides).containsEntry("uri", "mongodb://u:" + PASSWORD + "@db.example/");
  }

  @Test
  void anEmptyFileIsRefusedNamingIt() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty-uri"), "\n  \n");

    assertThatThrownBy(() -> UriSource.withEnvironment(Map.of(), Map.of(UriSource.URI_FILE_ENV, empty.toString())))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("HARNESS_URI_FILE names '" + empty + "', which is empty.");
  }

  @Test
  void bothVariablesAtOnceOrAnUnreadableFileAreRefused() {
    assertThatThrownBy(() -> UriSource.withEnvironment(Map.of(),
        Map.of(UriSource.URI_ENV, "mongodb://a", UriSource.URI_FILE_ENV, "/some/file")))
        .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("given twice");
    assertThatThrownBy(() -> UriSource.withEnvironment(Map.of(), Map.of(UriSource.URI_FILE_ENV, dir.resolve("none").toString())))
        .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("HARNESS_URI_FILE names", "cannot be read");
  }

  @Test
  void aPasswordOnTheCommandLineIsWarnedAboutNamingTheSafeWay() {
    String uri = "mongodb://u:" + PASSWORD + "@db.example/";

    assertThat(UriSource.commandLineWarning(Map.of("uri", uri), List.of("java", "-Duri=" + uri, "io.gatling.app.Gatling")))
        .hasValueSatisfying(w -> assertThat(w).contains("-Duri", "HARNESS_URI", "HARNESS_URI_FILE").doesNotContain(PASSWORD));
    assertThat(UriSource.commandLineWarning(Map.of("uri", uri), List.of("java", "io.gatling.app.Gatling"))).as("from elsewhere").isEmpty();
    assertThat(UriSource.commandLineWarning(Map.of("uri", "mongodb://db.example/"), List.of("-Duri=mongodb://db.example/")))
        .as("no password").isEmpty();
    assertThat(UriSource.commandLineWarning(Map.of("scenario.pooled.uri", uri), List.of("java", "-Dscenario.pooled.uri=" + uri)))
        .as("a scenario's uri").hasValueSatisfying(w -> assertThat(w).contains("a scenario's uri").doesNotContain(PASSWORD));
  }

  @Test
  void aSessionTokenOrKeyPasswordOnTheCommandLineIsWarnedAboutToo() {
    String token = "mongodb://db.example/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:T0kenS3cret";
    String keyPassword = "mongodb://db.example/?tls=true&tlsCertificateKeyFilePassword=K3yPass";

    assertThat(UriSource.commandLineWarning(Map.of("uri", token), List.of("java", "-Duri=" + token)))
        .hasValueSatisfying(w -> assertThat(w).contains("A secret in -Duri", "HARNESS_URI").doesNotContain("T0kenS3cret"));
    assertThat(UriSource.commandLineWarning(Map.of("uri", keyPassword), List.of("java", "-Duri=" + keyPassword)))
        .hasValueSatisfying(w -> assertThat(w).doesNotContain("K3yPass"));
    assertThat(UriSource.commandLineWarning(Map.of("uri", keyPassword), List.of("java", "io.gatling.app.Gatling"))).as("from elsewhere")
        .isEmpty();
  }
}
