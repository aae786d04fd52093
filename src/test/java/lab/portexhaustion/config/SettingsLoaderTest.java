package lab.portexhaustion.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

  @TempDir
  Path dir;

  private HarnessSettings load(Map<String, String> overrides) {
    return SettingsLoader.load(overrides, dir.resolve("absent.conf"));
  }

  private InvalidSettingsException rejected(Map<String, String> overrides) {
    try {
      load(overrides);
    } catch (InvalidSettingsException e) {
      return e;
    }
    throw new AssertionError("settings " + overrides + " were accepted");
  }

  /** A name mongod refuses would fail every request of the run: refused before any load, saying why. */
  @Test
  void aDatabaseOrCollectionNameMongodRefusesIsRefused() {
    assertThat(rejected(Map.of("database", "shop eu", "collection", "orders$")).problems()).satisfiesExactly(
        database -> assertThat(database).startsWith("Setting 'database' has the value 'shop eu', but it must be a name"
            + " MongoDB takes, or every request fails: a database name has none of / \\ . \" $, a blank or a NUL"
            + " character, and this one has a blank. ").contains("-Ddatabase="),
        collection -> assertThat(collection).startsWith("Setting 'collection' has the value 'orders$', but it must be a"
            + " name MongoDB takes, or every request fails: a collection name has no $ or NUL character, and this one has"
            + " '$'. "));
    assertThat(load(Map.of("database", "shop_eu", "collection", "orders.archive")).collection()).isEqualTo("orders.archive");
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    HarnessSettings s = load(Map.of());

    assertThat(s.target()).isEqualTo(TargetKind.AUTO);
    assertThat(s.uri()).isEmpty();
    assertThat(s.operation()).isEqualTo(OperationKind.INSERT_THEN_FIND);
    assertThat(s.load().startRate()).isEqualTo(5);
    assertThat(s.load().peakRate()).isEqualTo(100);
    assertThat(s.load().rampTime()).isEqualTo(Duration.ofSeconds(20));
    assertThat(s.load().maxDuration()).isEqualTo(Duration.ofSeconds(90));
    assertThat(s.pool().maxPoolSize()).isEqualTo(100);
    assertThat(s.pool().serverMonitoringMode()).isEqualTo(MonitoringMode.AUTO);
    assertThat(s.containerImage()).isEqualTo("mongo:8.0");
  }

  @Test
  void commandLineOverridesTheFileWhichOverridesTheDefaults() throws IOException {
    Path file = Files.writeString(dir.resolve("harness.conf"), "load.peakRate = 300\noperation = ping\n");

    HarnessSettings s = SettingsLoader.load(Map.of("load.peakRate", "42", "pool.serverMonitoringMode", "poll"), file);

    assertThat(s.load().peakRate()).isEqualTo(42);
    assertThat(s.operation()).isEqualTo(OperationKind.PING);
    assertThat(s.pool().serverMonitoringMode()).isEqualTo(MonitoringMode.POLL);
  }

  @Test
  void unrelatedSystemPropertiesAreIgnored() {
    assertThat(load(Map.of("java.version", "17", "user.home", "/root", "gatling.simulationClass", "X")).target())
        .isEqualTo(TargetKind.AUTO);
  }

  @Test
  void anUnknownTargetNamesTheKeyTheValueAndWhatIsAllowed() {
    InvalidSettingsException e = rejected(Map.of("target", "mongo"));

    assertThat(e.problems()).singleElement().asString()
        .contains("'target'", "'mongo'", "auto | embedded | container | uri", "-Dtarget=");
  }

  @Test
  void aNegativeRateIsRejected() {
    assertThat(rejected(Map.of("load.peakRate", "-5")).problems()).singleElement().asString()
        .contains("'load.peakRate'", "'-5'", "greater than 0");
  }

  @Test
  void aWordWhereANumberBelongsIsRejected() {
    assertThat(rejected(Map.of("load.startRate", "fast")).getMessage()).contains("'load.startRate'", "'fast'");
  }

  @Test
  void aMalformedDurationIsRejected() {
    assertThat(rejected(Map.of("load.rampTime", "soon")).getMessage()).contains("'load.rampTime'", "20s");
  }

  @Test
  void theDrainBoundFollowsTheHostsTimeWaitUnlessFixed() {
    HarnessSettings auto = load(Map.of());
    HarnessSettings fixed = load(Map.of("cleanStart.maxDrainWait", "0s"));

    // Windows' default TcpTimedWaitDelay is longer than Linux's TIME_WAIT: the bound follows it.
    assertThat(auto.cleanStart().bound(Duration.ofSeconds(120))).isEqualTo(Duration.ofSeconds(135));
    assertThat(auto.cleanStart().bound(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(75));
    assertThat(load(Map.of("cleanStart.drainMargin", "30s")).cleanStart().bound(Duration.ofSeconds(120))).isEqualTo(Duration.ofSeconds(150));
    assertThat(fixed.cleanStart().bound(Duration.ofSeconds(120))).isZero();
  }

  @Test
  void aDrainWaitThatIsNeitherAutoNorADurationIsRejected() {
    assertThat(rejected(Map.of("cleanStart.maxDrainWait", "forever")).problems()).singleElement().asString()
        .contains("'cleanStart.maxDrainWait'", "'forever'", "'auto'");
    assertThat(rejected(Map.of("cleanStart.drainMargin", "-5s")).problems()).singleElement().asString()
        .contains("'cleanStart.drainMargin'");
  }

  @Test
  void aMalformedUriIsRejectedWithoutEchoingItsPassword() {
    InvalidSettingsException e = rejected(Map.of("uri", "mongodb://alice:s3cret-pw@/nohost", "target", "uri"));

    assertThat(e.getMessage()).contains("'uri'", "mongodb://alice:****@").doesNotContain("s3cret-pw");
  }

  @Test
  void aUriWithoutSchemeIsRejected() {
    assertThat(rejected(Map.of("uri", "localhost:27017")).getMessage()).contains("'uri'", "mongodb://");
  }

  @Test
  void targetUriNeedsAUri() {
    assertThat(rejected(Map.of("target", "uri")).getMessage()).contains("'uri' is empty");
  }

  @Test
  void aValidUriIsParsed() {
    HarnessSettings s = load(Map.of("target", "uri", "uri", "mongodb://bob:pw@db.example:27018/app"));

    assertThat(s.uri()).hasValueSatisfying(u -> assertThat(u.getHosts()).containsExactly("db.example:27018"));
  }

  @Test
  void anUnknownKeyAndABadValueAreRefusedTogether() {
    InvalidSettingsException e = rejected(Map.of("load.peekRate", "10", "verdict.pooled", "cleen"));

    assertThat(e.problems()).hasSize(2);
    assertThat(e.problems().get(0)).startsWith("Unknown setting 'load.peekRate'");
    assertThat(e.problems().get(1)).startsWith("Setting 'verdict.pooled'");
  }

  /**
   * The connection pattern is the simulation's, not a setting; but summary.json and docs/running.md call it the
   * strategy, so -Dstrategy=client-per-request on PooledSimulation is refused, where it ran pooled without a word.
   */
  @Test
  void aStrategyOnTheCommandLineIsRefusedAsTheSimulationsOwn() {
    for (String strategy : List.of("client-per-request", "no-such-pattern")) {
      assertThat(rejected(Map.of("strategy", strategy)).problems()).singleElement().asString()
          .startsWith("Unknown setting 'strategy' (from -D on the command line): the connection pattern is the simulation's own")
          .contains(".connections(...)", "-Dgatling.simulationClass=ClientPerRequestSimulation");
    }
  }

  @Test
  void aMistypedKeyIsUnknownAndGetsASuggestionInOneSentence() {
    assertThat(rejected(Map.of("load.peakrate", "10")).getMessage())
        .contains("Unknown setting 'load.peakrate' (from -D on the command line). Did you mean 'load.peakRate'? docs/settings.md")
        .doesNotContain("?.");
  }

  @Test
  void aDurationWithoutAUnitIsRefusedWithBothSpellings() throws IOException {
    assertThat(rejected(Map.of("load.rampTime", "5")).problems()).singleElement().asString()
        .contains("Setting 'load.rampTime' has the value '5', a number without a unit: say 5s or 5000ms", "-Dload.rampTime=");
    Path file = Files.writeString(dir.resolve("harness.conf"), "load.holdTime = 1.5\n");
    assertThatThrownBy(() -> SettingsLoader.load(Map.of(), file))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("'load.holdTime' has the value '1.5', a number without a unit: say 1.5s or 1500ms");
    assertThat(rejected(Map.of("embedded.idleTimeout", "0")).getMessage()).contains("say 0s or 0ms");
  }

  @Test
  void aValueRefusedOnItsOwnIsNotRefusedAgainByARuleBuiltOnIt() {
    // Each wrong value, one paragraph: not a second one that repeats it or quotes it as if it stood.
    assertThat(rejected(Map.of("embedded.idleTimeout", "-1s")).problems()).singleElement().asString()
        .startsWith("Setting 'embedded.idleTimeout' has the value '-1s'");
    assertThat(rejected(Map.of("embedded.maxDescriptors", "-1")).problems()).singleElement().asString()
        .startsWith("Setting 'embedded.maxDescriptors' has the value '-1'");
    assertThat(rejected(Map.of("load.maxDuration", "0s")).problems()).singleElement().asString()
        .startsWith("Setting 'load.maxDuration' has the value '0s', but it must be from 1s to 48h");
    assertThat(rejected(Map.of("fleet.clients", "-1")).problems()).singleElement().asString()
        .startsWith("Setting 'fleet.clients' has the value '-1'");
    assertThat(rejected(Map.of("pool.maxPoolSize", "0", "pool.minPoolSize", "5")).problems()).singleElement().asString()
        .startsWith("Setting 'pool.maxPoolSize' has the value '0'");
    // A ramp given without a unit is not 0s: the hold of 0s with it is no profile of no length.
    assertThat(rejected(Map.of("load.rampTime", "5", "load.holdTime", "0s")).problems()).singleElement().asString()
        .startsWith("Setting 'load.rampTime' has the value '5', a number without a unit");
  }

  @Test
  void aConnectionLimitAboveTheRangeIsRefusedNamingTheRange() {
    // The paragraph must say why 10000001 is wrong: "0 or more" would describe it as allowed.
    assertThat(rejected(Map.of("embedded.maxIncomingConnections", "10000001")).problems()).singleElement().asString()
        .contains("has the value '10000001', but it must be a whole number of connections from 0 (no limit) to 10000000");
  }

  @Test
  void anIdleTimeoutTooShortForTheProbeIsRefusedAsBadInput() {
    assertThat(rejected(Map.of("embedded.idleTimeout", "1ms")).problems()).singleElement().asString()
        .startsWith("Setting 'embedded.idleTimeout' has the value '1ms', but it must be 0s (never close idle connections) or at"
            + " least 1s (shorter, the server would close connections between a handshake and its first command")
        .contains("-Dembedded.idleTimeout=");
    assertThat(load(Map.of("embedded.idleTimeout", "1s")).embedded().idleTimeout()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void anUnknownKeyInTheFileIsRejected() throws IOException {
    Path file = Files.writeString(dir.resolve("harness.conf"), "pool.maxPoolSzie = 5\n");

    assertThatThrownBy(() -> SettingsLoader.load(Map.of(), file))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("pool.maxPoolSzie")
        .hasMessageContaining("pool.maxPoolSize");
  }

  @Test
  void aBrokenFileIsReportedWithItsName() throws IOException {
    Path file = Files.writeString(dir.resolve("harness.conf"), "load { peakRate = \n");

    assertThatThrownBy(() -> SettingsLoader.load(Map.of(), file)).hasMessageContaining("harness.conf");
  }

  @Test
  void anIncludedFileIsReadFromTheIncludingFilesFolder() throws IOException {
    Files.writeString(dir.resolve("common.conf"), "load.peakRate = 300\n");
    Path file = Files.writeString(dir.resolve("harness.conf"), "include \"common.conf\"\noperation = ping\n");

    HarnessSettings s = SettingsLoader.load(Map.of(), file);

    assertThat(s.load().peakRate()).isEqualTo(300);
    assertThat(s.operation()).isEqualTo(OperationKind.PING);
  }

  /** HOCON skips an include it cannot find; the settings the user meant would be left out without a word. */
  @Test
  void anIncludeThatFindsNothingIsRefusedNamingIt() throws IOException {
    Files.writeString(dir.resolve("empty.conf"), "");
    for (String include : List.of("include \"comon.conf\"", "include file(\"" + dir.resolve("comon.conf") + "\")",
        "include classpath(\"comon.conf\")", "include \"empty.conf\"")) {
      Path file = Files.writeString(dir.resolve("harness.conf"), include + "\noperation = ping\n");

      assertThatThrownBy(() -> SettingsLoader.load(Map.of(), file))
          .isInstanceOf(InvalidSettingsException.class)
          .hasMessageContaining("The settings file '" + file + "' cannot be read")
          .hasMessageContaining(include + " found nothing to include");
    }
  }

  /**
   * A verdict line names the simulation whose .expect(...) fixed its expectation: the key is the connection pattern's
   * (verdict.client-per-request), which a user who wrote .expect(clean()) in a pooled twin turned client per request
   * never typed. A -D of the same key wins and is named alone.
   */
  @Test
  void anExpectationTheSimulationsProtocolFixedIsSaidToComeFromIt() {
    ProtocolSettings protocol = ProtocolSettings.of("OrdersSimulation", StrategyKind.CLIENT_PER_REQUEST).with(Expectation.CLEAN);

    assertThat(SettingsLoader.load(Map.of(), dir.resolve("none.conf"), protocol).verdict().fixedBy(protocol.scenario()))
        .isEqualTo("verdict.client-per-request=clean, set by OrdersSimulation's MongoDsl protocol");
    assertThat(SettingsLoader.load(Map.of("verdict.client-per-request", "exhaustion"), dir.resolve("none.conf"), protocol)
        .verdict().fixedBy(protocol.scenario())).isEqualTo("verdict.client-per-request=exhaustion");
  }

  /** A value the simulation's own .load(...) gave is said to come from there, not from a file the user never wrote. */
  @Test
  void aWrongValueFromTheSimulationsProtocolIsSaidToComeFromIt() {
    ProtocolSettings protocol = ProtocolSettings.of("OrdersSimulation", StrategyKind.POOLED)
        .with(new ProtocolSettings.Arrivals(1000, 50000, Duration.ZERO, Duration.ZERO));

    assertThatThrownBy(() -> SettingsLoader.load(Map.of(), dir.resolve("none.conf"), protocol))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("Setting 'load.peakRate' has the value '50000' (set by OrdersSimulation's MongoDsl protocol), but it"
            + " must be")
        .hasMessageContaining("Fix it in the simulation, or override it in harness.conf or on the command line with -Dload.peakRate=<value>.")
        .hasMessageContaining("Settings 'load.rampTime' (set by OrdersSimulation's MongoDsl protocol) and 'load.holdTime' (set by"
            + " OrdersSimulation's MongoDsl protocol) are both 0s,");
    assertThatThrownBy(() -> SettingsLoader.load(Map.of("load.rampTime", "0s"), dir.resolve("none.conf"),
        ProtocolSettings.of("OrdersSimulation", StrategyKind.POOLED).with(new ProtocolSettings.Arrivals(5, 50, Duration.ofSeconds(10),
            Duration.ZERO))))
        .hasMessageContaining("Settings 'load.rampTime' and 'load.holdTime' (set by OrdersSimulation's MongoDsl protocol) are both 0s,");
    assertThatThrownBy(() -> SettingsLoader.load(Map.of("load.peakRate", "50000"), dir.resolve("none.conf")))
        .hasMessageContaining("Setting 'load.peakRate' has the value '50000', but it must be")
        .hasMessageContaining("Fix it in harness.conf or on the command line");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThat(rejected(Map.of("target", "x", "load.peakRate", "0", "pool.maxConnecting", "0")).problems()).hasSize(3);
  }

  @Test
  void minPoolSizeAboveMaxPoolSizeIsRejected() {
    assertThat(rejected(Map.of("pool.minPoolSize", "20", "pool.maxPoolSize", "10")).getMessage())
        .contains("'pool.minPoolSize' is 20", "'pool.maxPoolSize' (10)");
  }

  @Test
  void anUnpinnedImageIsRejected() {
    assertThat(rejected(Map.of("container.image", "mongo:latest")).getMessage()).contains("'container.image'", "pinned");
  }

  @Test
  void aProfileThatSendsNothingIsRejected() {
    assertThat(rejected(Map.of("load.rampTime", "0s", "load.holdTime", "0s")).getMessage()).contains("no request would ever be sent");
  }

  @Test
  void aProfileLongerThanTheRunsBoundIsRejectedNamingAllThree() {
    assertThat(rejected(Map.of("load.rampTime", "20s", "load.holdTime", "80s")).getMessage())
        .contains("'load.rampTime' (20 s)", "'load.holdTime' (80 s)", "a profile of 100 s", "'load.maxDuration' (90 s)",
            "Raise load.maxDuration to at least 100 s");
  }

  @Test
  void aProfileAsLongAsTheBoundIsAccepted() {
    HarnessSettings s = load(Map.of("load.rampTime", "10s", "load.holdTime", "5s", "load.maxDuration", "15s"));

    assertThat(s.load().maxDuration()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void reportedValuesCoverEveryKeyAndMaskThePassword() {
    HarnessSettings s = load(Map.of("uri", "mongodb://alice:s3cret@db:27017", "load.peakRate", "42"));

    assertThat(s.reported())
        .containsEntry("uri", "mongodb://alice:****@db:27017")
        .containsEntry("load.peakRate", "42")
        .containsEntry("pool.maxPoolSize", "100")
        .containsKeys("target", "pool.maxPoolSize", "sampler.fullInterval", "verdict.client-per-request");
    assertThat(s.reported().toString()).doesNotContain("s3cret");
  }

  /** A connection string given to the wrong key is refused, its password masked; one that a key takes is masked too. */
  @Test
  void aConnectionStringGivenToTheCollectionIsRefusedAndNeverReportedWithItsPassword() {
    assertThatThrownBy(() -> load(Map.of("collection", "mongodb://alice:WrongKeyPw@127.0.0.1:47201/db")))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("Setting 'collection' has a connection string (mongodb://alice:****@127.0.0.1:47201/db), but it"
            + " must be a name. A connection string goes to 'uri'")
        .hasMessageNotContaining("WrongKeyPw");
    // The Java driver takes a blank in a password as written: the masking of a text's connection strings would miss it.
    assertThatThrownBy(() -> load(Map.of("database", "mongodb://alice:open sesame@127.0.0.1:47201/db",
        "container.image", "mongodb://alice:open sesame@registry:5000/mongo:8.0")))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("Setting 'database' has a connection string (mongodb://alice:****@127.0.0.1:47201/db)")
        .hasMessageContaining("Setting 'container.image' has a connection string (mongodb://alice:****@registry:5000/mongo:8.0)")
        .hasMessageNotContaining("sesame");
  }

  @Test
  void expectationsPerScenarioAreReadWithTheirDashedNames() {
    HarnessSettings s = load(Map.of("verdict.client-per-request", "any", "verdict.enabled", "on"));

    assertThat(s.verdict().expectationFor(Scenario.CLIENT_PER_REQUEST)).isEqualTo(Expectation.ANY);
    assertThat(s.verdict().expectationFor(Scenario.RAW_SOCKET)).isEqualTo(Expectation.AUTO);
    assertThat(s.verdict().expectationFor(Scenario.KEEP_ALIVE)).isEqualTo(Expectation.AUTO);
    assertThat(s.verdict().expectationFor(Scenario.KEEP_ALIVE_IDLE_TIMEOUT)).isEqualTo(Expectation.AUTO);
    assertThat(s.verdict().isChecked()).isTrue();
  }

  @Test
  void aWholeNumberSettingRefusesAFractionInsteadOfDroppingIt() {
    assertThat(rejected(Map.of("load.workers", "1.5")).getMessage())
        .contains("Setting 'load.workers' has the value '1.5', but it must be a whole number");
    assertThat(rejected(Map.of("pool.maxPoolSize", "20.9")).getMessage()).contains("Setting 'pool.maxPoolSize' has the value '20.9'");
    assertThat(load(Map.of("load.workers", "8.0")).load().workers()).as("a whole number written with .0").isEqualTo(8);
  }

  @Test
  void ratesAboveWhatTheHarnessCanInjectAreRefusedNamingTheKey() {
    assertThatThrownBy(() -> load(Map.of("load.peakRate", "100000000")))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("Setting 'load.peakRate' has the value '100000000', but it must be a number of visits per second (arrivals of the profile)"
            + " greater than 0 and at most 20000");
    assertThatThrownBy(() -> load(Map.of("load.startRate", "30000")))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("Setting 'load.startRate'");
    assertThatThrownBy(() -> load(Map.of("load.queueCapacity", "10000000")))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("Setting 'load.queueCapacity'", "from 1 to 100000");
    assertThatThrownBy(() -> load(Map.of("load.maxDuration", "100d")))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("Setting 'load.maxDuration'", "from 1s to 48h");
  }

  @Test
  void embeddedServerLimitsAreOffByDefault() {
    assertThat(load(Map.of()).embedded()).isEqualTo(ServerLimits.NONE);
  }

  @Test
  void embeddedLimitsWithAnotherTargetAreRefusedBeforeAnyLoad() {
    assertThatThrownBy(() -> load(Map.of("target", "uri", "uri", "mongodb://127.0.0.1:27017", "embedded.maxIncomingConnections", "10")))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("'target' is 'uri'")
        .hasMessageContaining("embedded.maxIncomingConnections=0");
  }

  @Test
  void aNegativeConnectionLimitNamesItsSetting() {
    assertThatThrownBy(() -> load(Map.of("embedded.maxIncomingConnections", "-1")))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("embedded.maxIncomingConnections");
  }

  @Test
  void aFleetClientJoinsAtTheFleetsStartPlusOneIntervalPerClientBeforeIt() {
    long start = System.currentTimeMillis() + 30_000;
    HarnessSettings third = load(Map.of("fleet.client", "3", "fleet.clients", "4", "fleet.start", String.valueOf(start),
        "fleet.joinInterval", "6s"));

    assertThat(third.fleet().inFleet()).isTrue();
    assertThat(third.fleet().joinAt()).contains(java.time.Instant.ofEpochMilli(start + 12_000));
    assertThat(load(Map.of()).fleet().inFleet()).isFalse();
    assertThat(load(Map.of()).fleet().joinAt()).isEmpty();
  }

  @Test
  void aClientBeyondTheFleetOrATurnFarAwayIsRejectedBeforeAnyLoad() {
    assertThat(rejected(Map.of("fleet.client", "5", "fleet.clients", "4")).problems()).singleElement().asString()
        .contains("'fleet.client' is 5, but 'fleet.clients' is 4");
    assertThat(rejected(Map.of("fleet.start", String.valueOf(System.currentTimeMillis()))).problems()).singleElement().asString()
        .contains("'fleet.start' is given, but 'fleet.client' is 0");
    long nextHour = System.currentTimeMillis() + 3_600_000;
    assertThat(rejected(Map.of("fleet.client", "1", "fleet.clients", "1", "fleet.start", String.valueOf(nextHour))).problems())
        .singleElement().asString().contains("'fleet.start'", "more than 10 minutes from now");
  }
}
