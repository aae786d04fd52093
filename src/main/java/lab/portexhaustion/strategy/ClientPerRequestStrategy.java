package lab.portexhaustion.strategy;

import com.mongodb.ConnectionString;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.failure.SocketErrorListener;
import lab.portexhaustion.target.MongoTarget;

/**
 * The anti-pattern from the incident (docs/background.md): a new MongoClient per request, one operation, close(). Each
 * client opens its own monitoring and pool connections, so every request leaves two or more
 * sockets in TIME_WAIT on the client side.
 */
public final class ClientPerRequestStrategy implements ConnectionStrategy {

  private final ConnectionString connection;
  private final HarnessSettings settings;
  private final ClientSettingsHook hook;
  private final SocketErrorListener socketErrors;
  private final OpenedConnections opened = new OpenedConnections();

  ClientPerRequestStrategy(MongoTarget target, HarnessSettings settings, ClientSettingsHook hook, SocketErrorListener socketErrors) {
    this.connection = target.connectionString();
    this.settings = settings;
    this.hook = hook;
    this.socketErrors = socketErrors;
  }

  @Override
  public void execute(RequestWork work) {
    try (OwnClient client = new OwnClient(connection, settings, hook, socketErrors, opened)) {
      client.run(work);
    }
  }

  @Override
  public boolean usesDriver() {
    return true;
  }

  @Override
  public long connectionsOpened() {
    return opened.total();
  }

  @Override
  public String describe() {
    return "client-per-request: new MongoClient, the request's operations, close()" + hook.note();
  }

  @Override
  public void close() {
    // Every client was closed by its own request.
  }
}
