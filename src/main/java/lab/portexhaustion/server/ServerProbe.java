package lab.portexhaustion.server;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import lab.portexhaustion.config.UriRedaction;
import lab.portexhaustion.failure.ErrorClassifier;
import lab.portexhaustion.failure.SocketErrorCapture;
import lab.portexhaustion.failure.SocketErrorListener;
import org.bson.Document;

/** Asks a server for its version before any load, so an unreachable target fails fast and clearly. */
public final class ServerProbe {

  private ServerProbe() {}

  /** The target's description completed with the version its server reports in {@code buildInfo}. */
  public static TargetDescription describe(MongoTarget target, Duration timeout) {
    TargetDescription description = target.description();
    String describedAs = description.kind() + " target " + description.connection();

    return description.withServerVersion(version(target.connectionString(), timeout, describedAs));
  }

  private static String version(ConnectionString connection, Duration timeout, String describedAs) {
    SocketErrorCapture socketError = new SocketErrorCapture(SocketErrorListener.NONE);
    MongoClientSettings settings = MongoClientSettings.builder()
        .applyConnectionString(connection)
        .applyToClusterSettings(b -> b.serverSelectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS))
        .applyToSocketSettings(b -> b.connectTimeout((int) timeout.toMillis(), TimeUnit.MILLISECONDS))
        .applyToServerSettings(b -> b.addServerListener(socketError).addServerMonitorListener(socketError))
        .build();
    try (MongoClient client = MongoClients.create(settings)) {
      Document info = client.getDatabase("admin").runCommand(new Document("buildInfo", 1));
      return String.valueOf(info.get("version"));
    } catch (RuntimeException e) {
      socketError.attachTo(e);
      String why = UriRedaction.scrub(ErrorClassifier.classify(e).message(), connection.getConnectionString());
      throw new TargetUnavailableException("The " + describedAs + " did not answer within " + timeout.toSeconds()
          + " s (" + why + "), so no load was sent. Check that the server runs and is reachable from this machine,"
          + " that the credentials in 'uri' are right, or run against the built-in server with -Dtarget=embedded.");
    }
  }
}
