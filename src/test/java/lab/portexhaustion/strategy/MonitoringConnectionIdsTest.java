package lab.portexhaustion.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import lab.portexhaustion.TestSettings;
import lab.portexhaustion.config.EmbeddedMonitoring;
import lab.portexhaustion.config.ServerLimits;
import lab.portexhaustion.failure.SocketErrorCapture;
import lab.portexhaustion.failure.SocketErrorListener;
import lab.portexhaustion.target.EmbeddedMongoTarget;
import org.junit.jupiter.api.Test;

/**
 * One client that lives on (the pooled pattern's), its monitoring connection closed by the embedded server's idle
 * timeout (300 ms) between its heartbeats (every 500 ms, polled), with real sockets on loopback: the driver opens a new
 * one after each, and the client's connection events keep the id of the one open, not of every one it lost (they kept
 * 15 ids after 8 s, one per monitoring connection).
 */
class MonitoringConnectionIdsTest {

  private static final int LOST = 6;
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  @Test
  void aClientKeepsNoIdOfTheMonitoringConnectionsItLost() throws Exception {
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test", new ServerLimits(0, Duration.ofMillis(300)), EmbeddedMonitoring.POLLING,
        port -> true)) {
      OpenedConnections opened = new OpenedConnections();
      DriverConnectionEvents events = opened.forClient();
      ConnectionString polledOften = new ConnectionString(server.connectionString().getConnectionString()
          + "&heartbeatFrequencyMS=500&serverMonitoringMode=poll");
      try (MongoClient client = MongoClients.create(DriverSettings.pooled(polledOften, TestSettings.with(), ClientSettingsHook.NONE,
          new SocketErrorCapture(SocketErrorListener.NONE), events))) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (server.idleClosedConnections() < LOST && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }

        assertThat(server.idleClosedConnections()).as("monitoring connections the server closed").isGreaterThanOrEqualTo(LOST);
        assertThat(opened.total()).as("each counted as opened").isGreaterThanOrEqualTo(LOST);
        assertThat(events.connectionsKept()).as("the one open, if the next is already there").isLessThanOrEqualTo(1);
      }
    }
  }
}
