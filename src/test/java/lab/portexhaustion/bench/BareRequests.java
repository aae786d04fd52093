package lab.portexhaustion.bench;

import java.nio.file.Path;
import java.util.Map;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.config.SettingsLoader;
import lab.portexhaustion.failure.SocketErrorListener;
import lab.portexhaustion.strategy.ConnectionStrategy;
import lab.portexhaustion.strategy.RequestWork;
import lab.portexhaustion.strategy.StrategyFactory;
import lab.portexhaustion.target.MongoTarget;
import lab.portexhaustion.target.TargetFactory;

/** A strategy's requests with no Gatling and no harness around them: the settings' operation, sent on the caller's thread. */
final class BareRequests implements AutoCloseable {

  private final MongoTarget target;
  private final ConnectionStrategy strategy;
  private final RequestWork work;

  private BareRequests(MongoTarget target, ConnectionStrategy strategy, RequestWork work) {
    this.target = target;
    this.strategy = strategy;
    this.work = work;
  }

  static BareRequests open(String scenario, String mongoUri) {
    HarnessSettings settings = SettingsLoader.load(Map.of("target", "uri", "uri", mongoUri), Path.of("no-harness.conf"));
    MongoTarget target = TargetFactory.start(settings, port -> true);
    try {
      ConnectionStrategy strategy = StrategyFactory.create(Scenario.valueOf(scenario).strategy(), target, settings, SocketErrorListener.NONE);
      return new BareRequests(target, strategy, StrategyFactory.settingsOperation(settings));
    } catch (RuntimeException e) {
      target.close();
      throw e;
    }
  }

  /** Sends one request; false if it failed. */
  boolean send() {
    try {
      strategy.execute(work);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public void close() {
    try {
      strategy.close();
    } finally {
      target.close();
    }
  }
}
