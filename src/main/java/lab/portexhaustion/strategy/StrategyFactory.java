package lab.portexhaustion.strategy;

import java.io.IOException;
import java.io.UncheckedIOException;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.StrategyKind;
import lab.portexhaustion.target.MongoTarget;

/** Builds the strategy a simulation asks for, ready to serve requests against the target. */
public final class StrategyFactory {

  private StrategyFactory() {}

  public static ConnectionStrategy create(StrategyKind kind, MongoTarget target, HarnessSettings settings) {
    MongoOperation operation = new MongoOperation(settings.operation(), settings.database(), settings.collection());
    return switch (kind) {
      case POOLED -> new PooledStrategy(target, settings, operation);
      case CLIENT_PER_REQUEST -> new ClientPerRequestStrategy(target, settings, operation);
      case RAW_SOCKET -> rawSocket(target, settings);
    };
  }

  private static ConnectionStrategy rawSocket(MongoTarget target, HarnessSettings settings) {
    try {
      return new RawSocketStrategy(target, settings.timeouts());
    } catch (IOException e) {
      throw new UncheckedIOException("raw socket handshake with " + target.description().address() + " failed", e);
    }
  }
}
