package lab.portexhaustion.strategy;

import com.mongodb.ConnectionString;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.failure.SocketErrorListener;
import lab.portexhaustion.target.MongoTarget;

/**
 * The leak: a new MongoClient per request that nobody closes. Each one keeps its monitoring
 * connection (and thread) and the pooled connection of its one operation open and idle until the
 * run ends, so descriptors run out long before ports do.
 */
public final class LeakedClientStrategy implements ConnectionStrategy {

  private final ConnectionString connection;
  private final HarnessSettings settings;
  private final ClientSettingsHook hook;
  private final SocketErrorListener socketErrors;
  private final OpenedConnections opened = new OpenedConnections();
  private final Queue<OwnClient> leaked = new ConcurrentLinkedQueue<>();

  LeakedClientStrategy(MongoTarget target, HarnessSettings settings, ClientSettingsHook hook, SocketErrorListener socketErrors) {
    this.connection = target.connectionString();
    this.settings = settings;
    this.hook = hook;
    this.socketErrors = socketErrors;
  }

  @Override
  public void execute(RequestWork work) {
    OwnClient client = new OwnClient(connection, settings, hook, socketErrors, opened);
    leaked.add(client);
    client.run(work);
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
    return "leaked-client: new MongoClient, the request's operations, never closed" + hook.note();
  }

  /** Closes the leaked clients: the run is over, and the descriptors go back. */
  @Override
  public void close() {
    for (OwnClient client = leaked.poll(); client != null; client = leaked.poll()) {
      client.close();
    }
  }
}
