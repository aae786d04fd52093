package lab.portexhaustion.target;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.connection.ServerMonitoringMode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.portexhaustion.config.ServerLimits;
import lab.portexhaustion.failure.SocketErrorCapture;
import lab.portexhaustion.failure.SocketErrorListener;
import org.bson.Document;

/**
 * Asks a server before any load for its version, so an unreachable target fails fast and clearly, and for its
 * connections ({@code serverStatus}), so the model knows the room a connection limit leaves this client.
 */
public final class ServerProbe {

  /**
   * The probe's own connections while it asks: one for its commands, one for its monitor (polling, so no
   * round-trip-time connection), counted out of the server's {@code current}.
   */
  private static final int OWN_CONNECTIONS = 2;

  private ServerProbe() {}

  /**
   * The target's description completed with the version its server reports, and its connections where it says; and the
   * servers the driver learnt of meanwhile.
   *
   * @param embedded the embedded server's limits, named in the advice when they can be why the probe failed
   * @throws TargetUnavailableException when the probe fails, with a paragraph saying how ({@link ProbeFailure})
   */
  public static ProbedTarget describe(MongoTarget target, ProbeTimeout timeout, ServerLimits embedded) {
    TargetDescription description = target.description();
    Duration wait = timeout.duration();
    ConnectionString connection = target.connectionString();
    SocketErrorCapture socketError = new SocketErrorCapture(SocketErrorListener.NONE);
    SrvLookupCapture srvLookup = new SrvLookupCapture();
    ReplicaSetMismatch replicaSet = new ReplicaSetMismatch();
    MongoClientSettings settings = MongoClientSettings.builder()
        .applyConnectionString(connection)
        .applyToClusterSettings(b -> b.serverSelectionTimeout(wait.toMillis(), TimeUnit.MILLISECONDS).addClusterListener(srvLookup))
        .applyToSocketSettings(b -> b.connectTimeout((int) wait.toMillis(), TimeUnit.MILLISECONDS))
        .applyToServerSettings(b -> b.serverMonitoringMode(ServerMonitoringMode.POLL)
            .addServerListener(socketError).addServerListener(replicaSet).addServerMonitorListener(socketError))
        .build();
    try (MongoClient client = MongoClients.create(settings)) {
      MongoDatabase admin = client.getDatabase("admin");
      Document info = admin.runCommand(new Document("buildInfo", 1));
      TargetDescription probed = connections(admin, description.withServerVersion(String.valueOf(info.get("version"))));
      return new ProbedTarget(probed, members(client));
    } catch (RuntimeException e) {
      socketError.attachTo(e);
      srvLookup.attachTo(e);
      throw new TargetUnavailableException(replicaSet.paragraph(description, connection)
          .orElseGet(() -> ProbeFailure.paragraph(description, e, timeout, embedded, connection)));
    }
  }

  /** Every server the driver knows of now, as it names them: the command's answer came after their names. */
  private static List<InetSocketAddress> members(MongoClient client) {
    return client.getClusterDescription().getServerDescriptions().stream()
        .map(server -> InetSocketAddress.createUnresolved(server.getAddress().getHost(), server.getAddress().getPort()))
        .toList();
  }

  /**
   * {@code description} with the server's connection limit and the connections others hold, when its
   * {@code serverStatus} gives {@code connections.current} and {@code available}; as it is when not (a user without
   * the clusterMonitor role, or a server with no limit).
   */
  private static TargetDescription connections(MongoDatabase admin, TargetDescription description) {
    try {
      Document connections = admin.runCommand(new Document("serverStatus", 1)).get("connections", Document.class);
      if (connections == null || !(connections.get("current") instanceof Number current)
          || !(connections.get("available") instanceof Number available)) {
        return description;
      }
      return description.withConnections(current.intValue() + available.intValue(), Math.max(0, current.intValue() - OWN_CONNECTIONS));
    } catch (MongoCommandException e) {
      return description;
    }
  }
}
