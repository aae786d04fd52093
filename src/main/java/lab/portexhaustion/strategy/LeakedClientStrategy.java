package lab.portexhaustion.strategy;

import com.mongodb.ConnectionString;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.failure.SocketErrorListener;
import lab.portexhaustion.server.MongoTarget;

/**
 * The leak: a new MongoClient per request that nobody closes. Each one keeps its monitoring
 * connection (and thread) and the pooled connection of its one operation open and idle until the
 * run ends, so descriptors run out long before ports do.
 */
public final class LeakedClientStrategy implements ConnectionStrategy {

  private final ConnectionString connection;
  private final HarnessSettings settings;
  private final MongoOperation operation;
  private final SocketErrorListener socketErrors;
  private final Queue<OwnClient> leaked = new ConcurrentLinkedQueue<>();

  LeakedClientStrategy(MongoTarget target, HarnessSettings settings, MongoOperation operation, SocketErrorListener socketErrors) {
    this.connection = target.connectionString();
    this.settings = settings;
    this.operation = operation;
    this.socketErrors = socketErrors;
    OwnClient.prepare(operation, connection, settings);
  }

  @Override
  public void execute() {
    OwnClient client = new OwnClient(connection, settings, socketErrors);
    leaked.add(client);
    client.run(operation);
  }

  @Override
  public String describe() {
    return "leaked-client: new MongoClient, " + operation.describe() + ", never closed";
  }

  /** Closes the leaked clients: the run is over, and the descriptors go back. */
  @Override
  public void close() {
    for (OwnClient client = leaked.poll(); client != null; client = leaked.poll()) {
      client.close();
    }
  }
}
