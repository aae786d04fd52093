package lab.portexhaustion.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.ServerHeartbeatSucceededEvent;
import com.mongodb.event.ServerMonitorListener;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import lab.portexhaustion.TestSettings;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.failure.SocketErrorCapture;
import lab.portexhaustion.failure.SocketErrorListener;
import lab.portexhaustion.sockets.SocketTable;
import lab.portexhaustion.sockets.TcpState;
import lab.portexhaustion.target.EmbeddedMongoTarget;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The connections the real driver's events count for one pooled client, once its monitor has gone through several
 * heartbeats, beside the client's sockets the kernel shows toward the embedded server: the driver's ids of a monitoring
 * connection change when the server numbers it, and the count must not.
 */
class MonitoringConnectionCountTest {

  private static final long HEARTBEAT_MILLIS = 500; // the driver's shortest
  private static final int HEARTBEATS = 3;
  private static final long WAIT_MILLIS = 20_000;

  @ParameterizedTest
  @ValueSource(strings = {"stream", "poll"})
  void aPooledClientCountsItsPoolConnectionAndItsMonitoringConnectionOnce(String mode) throws Exception {
    AtomicInteger answered = new AtomicInteger();
    OpenedConnections opened = new OpenedConnections();
    ClientSettingsHook hook = ClientSettingsHook.of(b -> b.applyToServerSettings(s -> s
        .heartbeatFrequency(HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS)
        .addServerMonitorListener(new ServerMonitorListener() {
          @Override
          public void serverHeartbeatSucceeded(ServerHeartbeatSucceededEvent event) {
            answered.incrementAndGet();
          }
        })));
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test");
        MongoClient client = MongoClients.create(DriverSettings.pooled(server.connectionString(),
            settings(mode), hook, new SocketErrorCapture(SocketErrorListener.NONE),
            opened.forClient()))) {
      client.getDatabase("test").runCommand(new Document("ping", 1));
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
      while (answered.get() < HEARTBEATS && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      long sockets = SocketTable.forThisMachine().read().stream()
          .filter(s -> s.remote().equals(server.endpoint()) && s.state() == TcpState.ESTABLISHED).count();

      assertThat(answered.get()).as("heartbeats answered").isGreaterThanOrEqualTo(HEARTBEATS);
      assertThat(opened.total()).as("the pool connection and the monitoring connection").isEqualTo(2);
      // Streaming adds the round-trip-time connection, of which the driver tells nothing (DriverConnectionEvents).
      assertThat(sockets).as("client sockets toward the server").isEqualTo(mode.equals("stream") ? 3 : 2);
    }
  }

  /**
   * Timeouts long enough for a busy machine: the monitor reads its replies within the connect timeout, and an opening
   * that timed out would be taken back and retried, its socket still in the kernel's table.
   */
  private static HarnessSettings settings(String mode) {
    return TestSettings.with("pool.serverMonitoringMode", mode, "timeouts.connect", "10s", "timeouts.serverSelection", "30s",
        "timeouts.read", "10s");
  }
}
