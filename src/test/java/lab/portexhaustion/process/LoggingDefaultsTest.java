package lab.portexhaustion.process;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The harness's log levels in the real Logback context: set where the configuration left a logger unset, never over it. */
class LoggingDefaultsTest {

  private static final String NETTY = "io.netty";

  private final LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Map<String, Level> configured = new HashMap<>();

  @BeforeEach
  void remember() {
    LoggingDefaults.LEVELS.keySet().forEach(name -> configured.put(name, logback.getLogger(name).getLevel()));
    configured.put(NETTY, logback.getLogger(NETTY).getLevel()); // the tests' own configuration sets it
  }

  @AfterEach
  void restore() {
    configured.forEach((name, level) -> logback.getLogger(name).setLevel(level));
  }

  @Test
  void aProjectThatConfiguresNoneOfThemGetsTheHarnessAtInfoAndTheDriverQuiet() {
    withNoneSetAndTheRootAt(Level.WARN, () -> { // the gatling-maven-plugin's default configuration
      assertThat(LoggerFactory.getLogger("lab.portexhaustion.run.HarnessRun").isInfoEnabled())
          .as("before: the verdict would not show").isFalse();

      LoggingDefaults.apply();

      assertThat(LoggerFactory.getLogger("lab.portexhaustion.run.HarnessRun").isInfoEnabled()).isTrue();
      assertThat(LoggerFactory.getLogger("org.mongodb.driver.connection").isWarnEnabled()).isFalse();
    });
  }

  /** Logback without a configuration file logs at DEBUG: the embedded server's process started on the main classpath. */
  @Test
  void aProcessWithoutAnyConfigurationLogsNeitherNettyNorTheServerLibraryAtDebug() {
    withNoneSetAndTheRootAt(Level.DEBUG, () -> {
      assertThat(LoggerFactory.getLogger("io.netty.util.Recycler").isDebugEnabled()).as("before").isTrue();

      LoggingDefaults.apply();

      assertThat(LoggerFactory.getLogger("io.netty.util.Recycler").isDebugEnabled()).isFalse();
      assertThat(LoggerFactory.getLogger("io.netty.util.Recycler").isWarnEnabled()).isTrue();
      assertThat(LoggerFactory.getLogger("de.bwaldvogel.mongo.wire.MongoWireMessageEncoder").isDebugEnabled()).isFalse();
      assertThat(LoggerFactory.getLogger("lab.portexhaustion.embedded.EmbeddedServerMain").isInfoEnabled()).isTrue();
      assertThat(LoggerFactory.getLogger("lab.portexhaustion.embedded.EmbeddedServerMain").isDebugEnabled()).isFalse();
    });
  }

  /** Runs {@code check} with none of these loggers set, as a configuration naming none, and the root at {@code level}. */
  private void withNoneSetAndTheRootAt(Level level, Runnable check) {
    configured.keySet().forEach(name -> logback.getLogger(name).setLevel(null));
    Logger root = logback.getLogger(Logger.ROOT_LOGGER_NAME);
    Level rootLevel = root.getLevel();
    root.setLevel(level);
    try {
      check.run();
    } finally {
      root.setLevel(rootLevel);
    }
  }

  @Test
  void aLevelTheProjectSetIsLeftAsItIs() {
    logback.getLogger("lab.portexhaustion").setLevel(Level.WARN);
    logback.getLogger("org.mongodb.driver").setLevel(Level.DEBUG);

    LoggingDefaults.apply();

    assertThat(logback.getLogger("lab.portexhaustion").getLevel()).isEqualTo(Level.WARN);
    assertThat(logback.getLogger("org.mongodb.driver").getLevel()).isEqualTo(Level.DEBUG);
  }
}
