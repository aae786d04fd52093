package lab.portexhaustion.strategy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.PoolSettings;
import lab.portexhaustion.failure.PoolMaintenanceErrors;
import lab.portexhaustion.failure.SocketErrorCapture;
import lab.portexhaustion.failure.SocketErrorListener;
import lab.portexhaustion.target.MongoTarget;

/** One MongoClient for the whole run: every request borrows a pooled connection. */
public final class PooledStrategy implements ConnectionStrategy {

  private final MongoClient client;
  private final PoolSettings pool;
  private final ClientSettingsHook hook;
  private final OpenedConnections opened = new OpenedConnections();
  private final PoolMaintenanceErrors maintenanceErrors;

  PooledStrategy(MongoTarget target, HarnessSettings settings, ClientSettingsHook hook, SocketErrorListener socketErrors) {
    this.maintenanceErrors = PoolMaintenanceErrors.install(socketErrors);
    try {
      this.client = MongoClients.create(DriverSettings.pooled(target.connectionString(), settings, hook, new SocketErrorCapture(socketErrors),
          opened.forClient()));
    } catch (RuntimeException e) {
      maintenanceErrors.close();
      throw e;
    }
    this.pool = settings.pool();
    this.hook = hook;
  }

  /** The pool's client, for the preparation before the load. */
  MongoClient client() {
    return client;
  }

  @Override
  public void execute(RequestWork work) {
    work.run(client);
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
    return "pooled: one MongoClient (maxPoolSize " + pool.maxPoolSize() + ", minPoolSize " + pool.minPoolSize()
        + ", maxConnecting " + pool.maxConnecting() + ", monitoring " + pool.serverMonitoringMode().configName() + "), "
        + "the request's operations" + hook.note();
  }

  @Override
  public void close() {
    client.close();
    maintenanceErrors.close();
  }
}
