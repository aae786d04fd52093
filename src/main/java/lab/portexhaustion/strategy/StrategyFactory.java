package lab.portexhaustion.strategy;

import java.io.IOException;
import java.io.UncheckedIOException;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.StrategyKind;
import lab.portexhaustion.failure.SocketErrorListener;
import lab.portexhaustion.server.MongoTarget;

/** Builds the strategy a simulation asks for, ready to serve requests against the target. */
public final class StrategyFactory {

  private StrategyFactory() {}

  /** {@code socketErrors} hears the driver's socket errors as its monitors meet them (the strategies with a driver). */
  public static ConnectionStrategy create(StrategyKind kind, MongoTarget target, HarnessSettings settings,
      SocketErrorListener socketErrors) {
    MongoOperation operation = new MongoOperation(settings.operation(), settings.database(), settings.collection());
    return switch (kind) {
      case POOLED -> new PooledStrategy(target, settings, operation, socketErrors);
      case CLIENT_PER_REQUEST -> new ClientPerRequestStrategy(target, settings, operation, socketErrors);
      case LEAKED_CLIENT -> new LeakedClientStrategy(target, settings, operation, socketErrors);
      case RAW_SOCKET -> withoutDriver(kind, target, () -> new RawSocketStrategy(target, settings.timeouts()));
      case KEEP_ALIVE -> withoutDriver(kind, target, () -> new KeepAliveStrategy(target, settings.timeouts()));
    };
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
