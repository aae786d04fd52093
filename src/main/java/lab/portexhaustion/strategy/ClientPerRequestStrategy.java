package lab.portexhaustion.strategy;

import com.mongodb.ConnectionString;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.failure.SocketErrorListener;
import lab.portexhaustion.server.MongoTarget;

/**
 * The anti-pattern from the incident (docs/background.md): a new MongoClient per request, one operation, close(). Each
 * client opens its own monitoring and pool connections, so every request leaves two or more
 * sockets in TIME_WAIT on the client side.
 */
public final class ClientPerRequestStrategy implements ConnectionStrategy {

  private final ConnectionString connection;
  private final HarnessSettings settings;
  private final MongoOperation operation;
  private final SocketErrorListener socketErrors;

  ClientPerRequestStrategy(MongoTarget target, HarnessSettings settings, MongoOperation operation, SocketErrorListener socketErrors) {
    this.connection = target.connectionString();
    this.settings = settings;
    this.operation = operation;
    this.socketErrors = socketErrors;
    OwnClient.prepare(operation, connection, settings);
  }

  @Override
  public void execute() {
    try (OwnClient client = new OwnClient(connection, settings, socketErrors)) {
      client.run(operation);
    }
  }

  @Override
  public String describe() {
    return "client-per-request: new MongoClient, " + operation.describe() + ", close()";
  }

  @Override
  public void close() {
    // Every client was closed by its own request.
  }
}
