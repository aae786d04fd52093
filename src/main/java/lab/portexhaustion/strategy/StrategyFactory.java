package lab.portexhaustion.strategy;

import java.io.IOException;
import java.io.UncheckedIOException;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.StrategyKind;
import lab.portexhaustion.failure.SocketErrorListener;
import lab.portexhaustion.target.MongoTarget;

/** Builds the strategy a simulation asks for, ready to serve requests against the target. */
public final class StrategyFactory {

  private StrategyFactory() {}

  /** As {@link #create(StrategyKind, MongoTarget, HarnessSettings, ClientSettingsHook, SocketErrorListener)} without a hook. */
  public static ConnectionStrategy create(StrategyKind kind, MongoTarget target, HarnessSettings settings,
      SocketErrorListener socketErrors) {
    return create(kind, target, settings, ClientSettingsHook.NONE, socketErrors);
  }

  /**
   * {@code hook} changes the MongoClientSettings of the strategies with a driver; {@code socketErrors} hears the
   * driver's socket errors as its monitors meet them. The document of the {@code operation} setting is prepared
   * before the strategy is handed out, so a plain {@code find} finds one.
   */
  public static ConnectionStrategy create(StrategyKind kind, MongoTarget target, HarnessSettings settings,
      ClientSettingsHook hook, SocketErrorListener socketErrors) {
    MongoOperation operation = operation(settings);
    return switch (kind) {
      case POOLED -> {
        PooledStrategy pooled = new PooledStrategy(target, settings, hook, socketErrors);
        try {
          operation.prepare(pooled.client());
        } catch (RuntimeException e) {
          pooled.close();
          throw e;
        }
        yield pooled;
      }
      case CLIENT_PER_REQUEST -> new ClientPerRequestStrategy(preparedClients(operation, target, settings, hook, socketErrors));
      case LEAKED_CLIENT -> new LeakedClientStrategy(preparedClients(operation, target, settings, hook, socketErrors));
      case RAW_SOCKET -> withoutDriver(kind, target, () -> new RawSocketStrategy(target, settings.timeouts()));
      case KEEP_ALIVE -> withoutDriver(kind, target, () -> new KeepAliveStrategy(target, settings.timeouts()));
    };
  }

  /** The request the {@code operation} setting names (insert-then-find by default; the handshake over bare connections). */
  public static RequestWork settingsOperation(HarnessSettings settings) {
    return operation(settings);
  }

  private static MongoOperation operation(HarnessSettings settings) {
    return new MongoOperation(settings.operation(), settings.database(), settings.collection());
  }

  private static OwnClients preparedClients(MongoOperation operation, MongoTarget target, HarnessSettings settings,
      ClientSettingsHook hook, SocketErrorListener socketErrors) {
    OwnClients clients = new OwnClients(target.connectionString(), settings, hook, socketErrors);
    clients.prepare(operation);
    return clients;
  }

  /** The strategies without a driver say hello to the server once while they are built. */
  private static ConnectionStrategy withoutDriver(StrategyKind kind, MongoTarget target, SocketStrategyConstructor constructor) {
    try {
      return constructor.create();
    } catch (IOException e) {
      throw new UncheckedIOException(kind.configName() + " handshake with " + target.description().address() + " failed", e);
    }
  }

  @FunctionalInterface
  private interface SocketStrategyConstructor {
    ConnectionStrategy create() throws IOException;
  }
}
