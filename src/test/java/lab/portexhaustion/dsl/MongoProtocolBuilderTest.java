package lab.portexhaustion.dsl;

import static lab.portexhaustion.dsl.MongoDsl.autoTarget;
import static lab.portexhaustion.dsl.MongoDsl.container;
import static lab.portexhaustion.dsl.MongoDsl.embedded;
import static lab.portexhaustion.dsl.MongoDsl.exhaustion;
import static lab.portexhaustion.dsl.MongoDsl.keepAliveSockets;
import static lab.portexhaustion.dsl.MongoDsl.mongo;
import static lab.portexhaustion.dsl.MongoDsl.pooled;
import static lab.portexhaustion.dsl.MongoDsl.uri;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import lab.portexhaustion.config.Expectation;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.InvalidSettingsException;
import lab.portexhaustion.config.MonitoringMode;
import lab.portexhaustion.config.ProtocolSettings;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.config.SettingsLoader;
import lab.portexhaustion.config.StrategyKind;
import lab.portexhaustion.config.TargetKind;
import lab.portexhaustion.run.SetupFailureException;
import org.junit.jupiter.api.Test;

/** The protocol hands its values to the settings typed, whatever order they were given in, and they run as given. */
class MongoProtocolBuilderTest {

  private static final Path NO_FILE = Path.of("target/no-such-harness.conf");

  @Test
  void aKeepAliveProtocolAgainstALimitedServerKeepsItsOwnLimitAndLoad() {
    ProtocolSettings protocol = mongo()
        .target(autoTarget().maxDescriptors(2048))
        .connections(keepAliveSockets())
        .load(2, 6, Duration.ofSeconds(1), Duration.ofSeconds(2))
        .settings();

    HarnessSettings settings = SettingsLoader.load(Map.of(), NO_FILE, protocol);

    assertThat(protocol.connections()).isEqualTo(StrategyKind.KEEP_ALIVE);
    assertThat(protocol.server().maxDescriptors()).contains(2048);
    assertThat(protocol.scenario()).isEqualTo(Scenario.KEEP_ALIVE_SERVER_LIMIT);
    assertThat(settings.scenario()).isEqualTo(Scenario.KEEP_ALIVE_SERVER_LIMIT);
    assertThat(settings.embedded().maxDescriptors()).isEqualTo(2048);
    assertThat(settings.load().peakRate()).isEqualTo(6);
    assertThat(settings.load().rampTime()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aPoolsKnobsTargetAndExpectationAreTyped() {
    ProtocolSettings protocol = mongo()
        .connections(pooled(20).minPoolSize(10).maxConnecting(1).pollingMonitor())
        .target(uri("mongodb://db.example:27017").maxIncomingConnections(77))
        .expect(exhaustion())
        .settings();

    assertThat(protocol.pool()).isEqualTo(new ProtocolSettings.Pool(Optional.of(20), Optional.of(10), Optional.of(1),
        Optional.of(MonitoringMode.POLL)));
    assertThat(protocol.server().target()).isEqualTo(TargetKind.URI);
    assertThat(protocol.server().uri()).contains("mongodb://db.example:27017");
    assertThat(protocol.scenario()).isEqualTo(Scenario.POOL_STORM);
    assertThat(protocol.expectation()).contains(Expectation.EXHAUSTION);
    assertThat(protocol.load()).isEmpty();
  }

  /**
   * {@code uri(System.getenv("MONGODB_URI"))} with the variable unset: a missing uri, refused as one in a paragraph that
   * names the setting and where target=uri came from, not a NullPointerException out of the simulation's constructor;
   * and the uri setting (HARNESS_URI, -Duri) still fills it.
   */
  @Test
  void aUriOfNullIsAMissingUriRefusedNamingTheSetting() {
    ProtocolSettings protocol = mongo().target(uri(null)).settings();

    assertThatThrownBy(() -> SettingsLoader.load(Map.of(), NO_FILE, protocol))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("Setting 'target' is 'uri' (set by simulation's MongoDsl protocol), but 'uri' is empty.")
        .hasMessageContaining("uri(...)")
        .hasMessageContaining("HARNESS_URI");
    assertThat(SettingsLoader.load(Map.of("uri", "mongodb://db.example:27017"), NO_FILE, protocol).uri())
        .hasValueSatisfying(given -> assertThat(given.getHosts()).containsExactly("db.example:27017"));
  }

  /**
   * A call given null (a field read before it is set, an unset environment variable) is refused before any load, in
   * a paragraph per call naming it and what it takes, not a NullPointerException out of the simulation's constructor;
   * the calls given values keep theirs. (Built outside a simulation class, the protocol is named "simulation".)
   */
  @Test
  void aCallGivenNullIsRefusedNamingTheCallAndWhatItTakes() {
    MongoProtocolBuilder protocol = mongo()
        .target(null)
        .connections(null)
        .expect(null)
        .clientSettings(null)
        .load(1, 2, null, Duration.ofSeconds(1));

    assertThatThrownBy(protocol::checkedPlan)
        .isInstanceOfSatisfying(SetupFailureException.class, refusal -> assertThat(refusal.paragraphs()).containsExactly(
            "The MongoDsl protocol of simulation: target(...) was given null, where it takes autoTarget(),"
                + " embedded(), container() or uri(...) (a field read before it is set, or an environment variable that"
                + " is not, gives null).",
            "The MongoDsl protocol of simulation: connections(...) was given null, where it takes pooled(),"
                + " clientPerRequest(), leakedClient(), rawSockets() or keepAliveSockets() (a field read before it is set,"
                + " or an environment variable that is not, gives null).",
            "The MongoDsl protocol of simulation: expect(...) was given null, where it takes"
                + " modelPrediction(), clean(), exhaustion() or anything() (a field read before it is set, or an"
                + " environment variable that is not, gives null).",
            "The MongoDsl protocol of simulation: clientSettings(...) was given null, where it takes a change"
                + " to MongoClientSettings.Builder (builder -> builder...) (a field read before it is set, or an"
                + " environment variable that is not, gives null).",
            "The MongoDsl protocol of simulation: load(...)'s rampTime was given null, where it takes a"
                + " duration (Duration.ofSeconds(...)) (a field read before it is set, or an environment variable that is"
                + " not, gives null)."));
    assertThatThrownBy(mongo().target(embedded().idleTimeout(null).maxIncomingConnections(5))::checkedPlan)
        .hasMessageContaining("the target's idleTimeout(...) was given null, where it takes a duration");
    assertThat(mongo().target(container(null)).settings().server().containerImage()).isEmpty();
    assertThat(mongo().target(embedded().maxIncomingConnections(5)).checkedPlan()).isNotNull();
  }
}
