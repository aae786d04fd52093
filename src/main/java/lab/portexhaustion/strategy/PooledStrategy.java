package lab.portexhaustion.strategy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.PoolSettings;
import lab.portexhaustion.failure.SocketErrorCapture;
import lab.portexhaustion.failure.SocketErrorListener;
import lab.portexhaustion.server.MongoTarget;

/** One MongoClient for the whole run: every request borrows a pooled connection. */
public final class PooledStrategy implements ConnectionStrategy {

  private final MongoClient client;
  private final MongoOperation operation;
  private final PoolSettings pool;

  PooledStrategy(MongoTarget target, HarnessSettings settings, MongoOperation operation, SocketErrorListener socketErrors) {
    this.client = MongoClients.create(DriverSettings.pooled(target.connectionString(), settings, new SocketErrorCapture(socketErrors)));
    this.operation = operation;
    this.pool = settings.pool();
    operation.prepare(client);
  }

  @Override
  public void execute() {
    operation.run(client);
  }

  @Override
  public String describe() {
    return "pooled: one MongoClient (maxPoolSize " + pool.maxPoolSize() + ", minPoolSize " + pool.minPoolSize()
        + ", maxConnecting " + pool.maxConnecting() + ", monitoring " + pool.serverMonitoringMode().configName() + "), "
        + operation.describe();
  }

  @Override
  public void close() {
    client.close();
  }
}
