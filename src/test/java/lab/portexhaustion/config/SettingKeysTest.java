package lab.portexhaustion.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which system properties are ours, and the suggestion an unknown key gets. */
class SettingKeysTest {

  private static final Config DEFAULTS = ConfigFactory.parseResources(SettingKeys.class, "/" + SettingsLoader.DEFAULTS_RESOURCE);
  private final SettingKeys keys = new SettingKeys(DEFAULTS);

  private List<String> unknownOnTheCommandLine(String... keyValues) {
    Map<String, String> properties = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.put(keyValues[i], keyValues[i + 1]);
    }
    return keys.unknown(keys.ours(properties), "-D on the command line");
  }

  @Test
  void aSectionNameOneTypoAwayIsOursAndGetsTheKeyMeant() {
    assertThat(unknownOnTheCommandLine("laod.peakRate", "10")).singleElement().asString()
        .isEqualTo("Unknown setting 'laod.peakRate' (from -D on the command line). Did you mean 'load.peakRate'?"
            + " docs/settings.md lists every setting with its default.");
    assertThat(unknownOnTheCommandLine("laod.peekRate", "10")).singleElement().asString().contains("Did you mean 'load.peakRate'?");
    assertThat(unknownOnTheCommandLine("timeout.read", "1s")).singleElement().asString().contains("Did you mean 'timeouts.read'?");
    assertThat(unknownOnTheCommandLine("embeded.idleTimeout", "1s")).singleElement().asString()
        .contains("Did you mean 'embedded.idleTimeout'?");
    assertThat(unknownOnTheCommandLine("Load.peakRate", "10")).singleElement().asString().contains("Did you mean 'load.peakRate'?");
    assertThat(unknownOnTheCommandLine("url", "mongodb://db")).singleElement().asString().contains("Did you mean 'uri'?");
  }

  @Test
  void theJvmsMavensAndGatlingsOwnPropertiesAreNotOurs() {
    Map<Object, Object> theirs = new HashMap<>(System.getProperties());
    for (String name : List.of("java.home", "javax.net.ssl.trustStore", "jdk.debug", "sun.arch.data.model", "user.dir", "os.name",
        "file.encoding", "line.separator", "path.separator", "native.encoding", "stdout.encoding", "awt.toolkit", "gatling.simulationClass",
        "gatling.resultsFolder", "gatling.skip", "maven.home", "maven.repo.local", "surefire.skip", "it.test", "basedir", "skipTests",
        "library.jansi.path", "classworlds.conf", "https.protocols", "http.proxyHost", "socksProxyHost", "log4j2.level", "logback.configurationFile",
        "mdep.outputFile", "env.HOME", "test", "harness.config", "bench.scenario", "dump.file", "idea.version", "io.netty.noUnsafe")) {
      theirs.put(name, "x");
    }

    assertThat(keys.ours(theirs).entrySet()).isEmpty();
  }

  @Test
  void aScenarioBlockOfAnyScenarioAndAnyKeyIsASetting() {
    assertThat(unknownOnTheCommandLine("scenario.pooled.load.peakRate", "10", "scenario.keep-alive-idle-timeout.embedded.idleTimeout", "3s",
        "scenario.pool-storm.pool.maxPoolSize", "5")).isEmpty();
  }

  @Test
  void anUnknownScenarioNameGetsTheNearestScenario() {
    assertThat(unknownOnTheCommandLine("scenario.keep-alive-timeout.embedded.idleTimeout", "3s")).singleElement().asString()
        .startsWith("Unknown setting 'scenario.keep-alive-timeout.embedded.idleTimeout' (from -D on the command line): there is no"
            + " scenario 'keep-alive-timeout' (the scenarios are pooled | client-per-request | raw-socket | leaked-client")
        .contains("Did you mean 'scenario.keep-alive-idle-timeout.embedded.idleTimeout'? docs/settings.md");
    assertThat(unknownOnTheCommandLine("scenario.pool-strom.pool.maxPoolSize", "5")).singleElement().asString()
        .contains("Did you mean 'scenario.pool-storm.pool.maxPoolSize'?");
  }

  @Test
  void anUnknownKeyInAScenarioBlockGetsTheNearestKeyInTheSameBlock() {
    assertThat(unknownOnTheCommandLine("scenario.pooled.load.peekRate", "10")).singleElement().asString()
        .isEqualTo("Unknown setting 'scenario.pooled.load.peekRate' (from -D on the command line). Did you mean"
            + " 'scenario.pooled.load.peakRate'? docs/settings.md lists every setting with its default.");
    assertThat(unknownOnTheCommandLine("scenaro.pooled.load.peakRate", "10")).singleElement().asString()
        .contains("Did you mean 'scenario.pooled.load.peakRate'?");
  }

  @Test
  void aKeyFarFromEveryOneHasNoSuggestion() {
    assertThat(unknownOnTheCommandLine("load.somethingElse", "1")).singleElement().asString()
        .isEqualTo("Unknown setting 'load.somethingElse' (from -D on the command line). docs/settings.md lists every setting with its default.");
  }

  @Test
  void aSwapOfTwoNeighboursIsOneEdit() {
    assertThat(KeySuggestion.distance("laod", "load")).isEqualTo(1);
    assertThat(KeySuggestion.distance("LOAD", "load")).isZero();
    assertThat(KeySuggestion.distance("log", "load")).isEqualTo(2);
    assertThat(KeySuggestion.distance("", "uri")).isEqualTo(3);
  }
}
