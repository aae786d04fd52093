package lab.portexhaustion.strategy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import java.util.concurrent.TimeUnit;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.PoolSettings;
import lab.portexhaustion.failure.SocketErrorCapture;

/**
 * MongoClientSettings for the driver-based strategies: the target's connection string, the harness's timeouts (and pool
 * settings) on top, then the simulation's own hook; the harness's listeners last, so no hook can remove them.
 */
final class DriverSettings {

  private DriverSettings() {}

  static MongoClientSettings.Builder base(ConnectionString connection, HarnessSettings settings) {
    return MongoClientSettings.builder()
        .applyConnectionString(connection)
        .applyToClusterSettings(b -> b.serverSelectionTimeout(settings.timeouts().serverSelection().toMillis(), TimeUnit.MILLISECONDS))
        .applyToSocketSettings(b -> b
            .connectTimeout((int) settings.timeouts().connect().toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout((int) settings.timeouts().read().toMillis(), TimeUnit.MILLISECONDS))
        .applyToServerSettings(b -> b.serverMonitoringMode(settings.pool().serverMonitoringMode().driverMode()));
  }

  /** A client per request: {@code capture} hears the socket errors the driver reports only to its listeners. */
  static MongoClientSettings capturing(ConnectionString connection, HarnessSettings settings, ClientSettingsHook hook,
      SocketErrorCapture capture, DriverConnectionEvents events) {
    return listening(hook.applyTo(base(connection, settings)), capture, events).build();
  }

  /** The shared pool; {@code capture} hears its monitor's socket errors as they happen. */
  static MongoClientSettings pooled(ConnectionString connection, HarnessSettings settings, ClientSettingsHook hook,
      SocketErrorCapture capture, DriverConnectionEvents events) {
    PoolSettings pool = settings.pool();
    return listening(hook.applyTo(base(connection, settings)
        .applyToConnectionPoolSettings(b -> b
            .maxSize(pool.maxPoolSize())
            .minSize(pool.minPoolSize())
            .maxConnecting(pool.maxConnecting())
            .maxConnectionIdleTime(pool.maxConnectionIdleTime().toMillis(), TimeUnit.MILLISECONDS))), capture, events)
        .build();
  }

  /** The harness's listeners: socket errors for the onset, connection events for the model. */
  private static MongoClientSettings.Builder listening(MongoClientSettings.Builder builder, SocketErrorCapture capture,
      DriverConnectionEvents events) {
    return builder
        .applyToServerSettings(b -> b.addServerListener(capture).addServerMonitorListener(capture).addServerMonitorListener(events))
        .applyToConnectionPoolSettings(b -> b.addConnectionPoolListener(events));
  }
}
