package lab.portexhaustion.process;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The log levels a run needs to be read from the console, for a project whose logging configuration does not set them.
 * A Gatling project's usual {@code logback-test.xml}, and the gatling-maven-plugin's default when it has none, log at
 * WARN: the harness's own lines (prediction, progress, onset, VERDICT) are INFO and would not show, while the driver
 * warns once per failed monitor connection, thousands of lines under exhaustion. Each logger below is set only where
 * the configuration left it unset, so a user's own choice always wins.
 *
 * <p>The embedded server's own process applies them too: started on the main classpath alone ({@code scripts/fleet-run}),
 * it finds no configuration file, and Logback's default then logs everything at DEBUG, some ten lines per connection
 * from Netty and mongo-java-server, written by the server while it is the one being measured.
 */
public final class LoggingDefaults {

  static final Map<String, Level> LEVELS = Map.of(
      "lab.portexhaustion", Level.INFO,
      "org.mongodb.driver", Level.ERROR,
      "de.bwaldvogel", Level.ERROR,
      // Logs a stack trace for each unknown command, e.g. the raw-socket strategy's one 'hello' probe.
      "de.bwaldvogel.mongo.wire.MongoWireProtocolHandler", Level.OFF,
      // On a host without Docker it logs an ERROR on every target=auto run, where the embedded server is the expected
      // choice; the target's line says "no Docker here" instead.
      "org.testcontainers.dockerclient.DockerClientProviderStrategy", Level.OFF,
      "io.netty", Level.WARN);

  private LoggingDefaults() {}

  /** Sets each of {@link #LEVELS} the configuration left unset; does nothing where Logback is not the backend. */
  public static void apply() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      LEVELS.forEach((name, level) -> {
        ch.qos.logback.classic.Logger logger = logback.getLogger(name);
        if (logger.getLevel() == null) {
          logger.setLevel(level);
        }
      });
    }
  }
}
