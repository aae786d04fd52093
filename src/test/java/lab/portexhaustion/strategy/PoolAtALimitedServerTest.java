package lab.portexhaustion.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import lab.portexhaustion.TestSettings;
import lab.portexhaustion.config.EmbeddedMonitoring;
import lab.portexhaustion.config.ServerLimits;
import lab.portexhaustion.config.StrategyKind;
import lab.portexhaustion.failure.ErrorClassifier;
import lab.portexhaustion.failure.ErrorKind;
import lab.portexhaustion.target.EmbeddedMongoTarget;
import org.junit.jupiter.api.Test;

/** The pool storm from one client's side: a pool whose minimum does not fit in the server's slots is refused as it starts. */
class PoolAtALimitedServerTest {

  @Test
  void aPoolFillingPastTheServersLimitHearsTheRefusalTheDriverOnlyLogs() throws Exception {
    List<ErrorKind> heard = new CopyOnWriteArrayList<>();
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test", new ServerLimits(10, Duration.ZERO), EmbeddedMonitoring.STREAMING,
        port -> true)) {
      try (ConnectionStrategy pool = StrategyFactory.create(StrategyKind.POOLED, server,
          TestSettings.with("pool.maxPoolSize", "20", "pool.minPoolSize", "20"), (error, at) -> heard.add(ErrorClassifier.classify(error).kind()))) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (heard.isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(server.refusedConnections()).isPositive();
        // The driver drops this error as stale and only logs it: PoolMaintenanceErrors hears it from its log event.
        assertThat(heard).contains(ErrorKind.SERVER_REFUSED);
        assertThat(server.openConnections()).as("the connections that fit stay open").isEqualTo(10);
      }
    }
  }
}
