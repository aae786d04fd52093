package lab.portexhaustion.strategy;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.failure.SocketErrorListener;

/**
 * Builds the clients of the patterns that open one per request (client-per-request, leaked-client): each from the same
 * settings, each counted in the pattern's connections, each telling its first socket error to the run.
 */
final class OwnClients {

  private final ConnectionString connection;
  private final HarnessSettings settings;
  private final ClientSettingsHook hook;
  private final SocketErrorListener socketErrors;
  private final OpenedConnections opened = new OpenedConnections();

  OwnClients(ConnectionString connection, HarnessSettings settings, ClientSettingsHook hook, SocketErrorListener socketErrors) {
    this.connection = connection;
    this.settings = settings;
    this.hook = hook;
    this.socketErrors = socketErrors;
  }

  OwnClient open() {
    return new OwnClient(connection, settings, hook, socketErrors, opened);
  }

  /** Prepares {@code operation} (its prepared document) through a client opened for that and closed at once, not counted. */
  void prepare(MongoOperation operation) {
    try (MongoClient client = MongoClients.create(hook.applyTo(DriverSettings.base(connection, settings)).build())) {
      operation.prepare(client);
    }
  }

  long connectionsOpened() {
    return opened.total();
  }

  /** What the user's client-settings hook adds to a pattern's description (empty without one). */
  String hookNote() {
    return hook.note();
  }
}
