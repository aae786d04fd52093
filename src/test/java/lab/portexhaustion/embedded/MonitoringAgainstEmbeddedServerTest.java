package lab.portexhaustion.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.ConnectionCreatedEvent;
import com.mongodb.event.ConnectionPoolListener;
import com.mongodb.event.ServerHeartbeatFailedEvent;
import com.mongodb.event.ServerHeartbeatStartedEvent;
import com.mongodb.event.ServerHeartbeatSucceededEvent;
import com.mongodb.event.ServerMonitorListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import lab.portexhaustion.target.EmbeddedMongoTarget;
import lab.portexhaustion.config.EmbeddedMonitoring;
import lab.portexhaustion.config.ServerLimits;
import lab.portexhaustion.sockets.SocketTable;
import lab.portexhaustion.sockets.TcpState;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The driver's own monitor against the embedded server, seen through the driver's listeners and
 * the kernel's socket table: streaming as against mongod 4.4+, or polling as against an older server.
 */
class MonitoringAgainstEmbeddedServerTest {

  private static final long HEARTBEAT_MILLIS = 500; // the driver's shortest
  private static final long WATCH_MILLIS = 3_000;

  /** What one MongoClient did while it was watched. */
  private record Watched(List<Boolean> startedAwaited, List<Boolean> succeededAwaited, int poolConnections, long clientSockets,
      int serverConnections) {}

  @Test
  void aStreamingServerGetsAwaitedHeartbeatsAndOneRoundTripTimeConnectionPerClient() throws Exception {
    Watched client = watchOneClient(EmbeddedMonitoring.STREAMING);

    assertThat(client.startedAwaited()).as("heartbeats started").contains(true);
    // One awaited reply per await period: some 6 in 3 s at 500 ms, each pushed by the server with moreToCome.
    assertThat(client.succeededAwaited().stream().filter(a -> a)).as("awaited heartbeats answered").hasSizeBetween(3, 8);
    assertThat(client.poolConnections()).as("pool connections the driver reported").isEqualTo(1);
    // The pool connection, the monitoring connection and the round-trip-time connection: nothing else.
    assertThat(client.clientSockets()).as("client sockets open toward the server").isEqualTo(3);
    assertThat(client.serverConnections()).as("connections the server holds").isEqualTo(3);
  }

  @Test
  void aPollingServerGetsPolledOnTheMonitoringConnectionAlone() throws Exception {
    Watched client = watchOneClient(EmbeddedMonitoring.POLLING);

    assertThat(client.startedAwaited()).as("heartbeats started").isNotEmpty().doesNotContain(true);
    assertThat(client.poolConnections()).isEqualTo(1);
    assertThat(client.clientSockets()).as("client sockets open toward the server").isEqualTo(2);
    assertThat(client.serverConnections()).isEqualTo(2);
  }

  /**
   * A server idle timeout shorter than the monitor's await closes what waits for the client (the pool connection), not
   * the monitor waiting for the server's next reply: no heartbeat fails, and the streamed replies keep coming.
   */
  @Test
  void anIdleTimeoutShorterThanTheAwaitLeavesTheStreamingMonitorOpen() throws Exception {
    List<Boolean> succeeded = new CopyOnWriteArrayList<>();
    List<String> failed = new CopyOnWriteArrayList<>();
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test", new ServerLimits(0, Duration.ofMillis(300)),
        EmbeddedMonitoring.STREAMING, port -> true)) {
      MongoClientSettings settings = MongoClientSettings.builder()
          .applyConnectionString(server.connectionString())
          .applyToServerSettings(b -> b.heartbeatFrequency(1_000, TimeUnit.MILLISECONDS)
              .addServerMonitorListener(new ServerMonitorListener() {
                @Override
                public void serverHeartbeatSucceeded(ServerHeartbeatSucceededEvent event) {
                  succeeded.add(event.isAwaited());
                }

                @Override
                public void serverHeartbeatFailed(ServerHeartbeatFailedEvent event) {
                  failed.add(String.valueOf(event.getThrowable()));
                }
              }))
          .build();
      try (MongoClient client = MongoClients.create(settings)) {
        client.getDatabase("test").runCommand(new Document("ping", 1));
        Thread.sleep(WATCH_MILLIS);

        assertThat(failed).as("heartbeats that failed").isEmpty();
        assertThat(succeeded.stream().filter(a -> a)).as("awaited heartbeats answered, one a second").hasSizeBetween(2, 4);
        assertThat(server.idleClosedConnections()).as("the idle pool connection, closed").isGreaterThanOrEqualTo(1);
      }
    }
  }

  private static Watched watchOneClient(EmbeddedMonitoring monitoring) throws Exception {
    List<Boolean> started = new CopyOnWriteArrayList<>();
    List<Boolean> succeeded = new CopyOnWriteArrayList<>();
    AtomicInteger created = new AtomicInteger();
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test", ServerLimits.NONE, monitoring, port -> true)) {
      MongoClientSettings settings = MongoClientSettings.builder()
          .applyConnectionString(server.connectionString())
          .applyToServerSettings(b -> b.heartbeatFrequency(HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS)
              .addServerMonitorListener(new ServerMonitorListener() {
                @Override
                public void serverHearbeatStarted(ServerHeartbeatStartedEvent event) {
                  started.add(event.isAwaited());
                }

                @Override
                public void serverHeartbeatSucceeded(ServerHeartbeatSucceededEvent event) {
                  succeeded.add(event.isAwaited());
                }
              }))
          .applyToConnectionPoolSettings(b -> b.addConnectionPoolListener(new ConnectionPoolListener() {
            @Override
            public void connectionCreated(ConnectionCreatedEvent event) {
              created.incrementAndGet();
            }
          }))
          .build();
      try (MongoClient client = MongoClients.create(settings)) {
        client.getDatabase("test").runCommand(new Document("ping", 1));
        Thread.sleep(WATCH_MILLIS);
        long sockets = SocketTable.forThisMachine().read().stream()
            .filter(s -> s.remote().equals(server.endpoint()) && s.state() == TcpState.ESTABLISHED).count();
        return new Watched(List.copyOf(started), List.copyOf(succeeded), created.get(), sockets, server.openConnections());
      }
    }
  }
}
