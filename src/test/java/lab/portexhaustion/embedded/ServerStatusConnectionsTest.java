package lab.portexhaustion.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.connection.ServerMonitoringMode;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.portexhaustion.config.EmbeddedFailureMode;
import lab.portexhaustion.config.EmbeddedMonitoring;
import lab.portexhaustion.config.ServerLimits;
import lab.portexhaustion.process.OwnDescriptors;
import lab.portexhaustion.target.EmbeddedMongoTarget;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** {@code serverStatus.connections} with mongod's fields, read through the real driver from connections on real sockets. */
class ServerStatusConnectionsTest {


  @Test
  void connectionsTakenAreCreatedAndThosePastTheLimitRejected() throws Exception {
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test", new ServerLimits(3, Duration.ZERO), EmbeddedMonitoring.STREAMING,
        port -> true)) {
      List<Socket> held = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        held.add(new Socket(server.endpoint().getAddress(), server.endpoint().getPort()));
      }
      OpenConnections.awaitAtLeast(server::openConnections, 3);
      try (Socket refused = new Socket(server.endpoint().getAddress(), server.endpoint().getPort())) {
        refused.setSoTimeout(5_000);
        InputStream in = refused.getInputStream();
        assertThat(in.read()).as("the fourth closed on arrival").isEqualTo(-1);
      }
      for (Socket socket : held) {
        socket.close();
      }
      OpenConnections.awaitNone(server::openConnections);

      try (MongoClient client = pollingClient(server)) {
        Document connections = connections(client);

        assertThat(connections.getInteger("current")).as("the client's monitor and pool connection").isEqualTo(2);
        assertThat(connections.getInteger("available")).isEqualTo(1);
        assertThat(connections.getLong("totalCreated")).as("three raw connections and the client's two").isEqualTo(5);
        assertThat(connections.getLong("rejected")).isEqualTo(1);
        assertThat(connections.getInteger("active")).as("the connection running serverStatus").isEqualTo(1);
      }
    }
  }

  @Test
  void asMongodWhatIsAvailableIsItsCapLessWhatIsOpen() {
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test"); MongoClient client = pollingClient(server)) {
      Document connections = connections(client);

      assertThat(connections.getInteger("available")).as("80 % of this process's descriptor limit, less the client's two")
          .isEqualTo((int) (0.8 * OwnDescriptors.max().orElseThrow()) - connections.getInteger("current"));
    }
  }

  @Test
  void aSelectServerHasNoLimitSoNothingIsAvailableToReport() {
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test", new ServerLimits(0, Duration.ZERO, 0,
        EmbeddedFailureMode.SELECT_SERVER), EmbeddedMonitoring.STREAMING, port -> true); MongoClient client = pollingClient(server)) {
      Document connections = connections(client);

      assertThat(connections.containsKey("available")).isFalse();
      assertThat(connections.getLong("rejected")).isZero();
    }
  }

  @Test
  void aStreamingMonitorWaitsInItsHelloAndIsActiveUntilItsConnectionCloses() throws Exception {
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test")) {
      try (MongoClient streaming = streamingClient(server)) {
        Document connections = settledConnections(streaming);

        assertThat(connections.getLong("exhaustHello")).as("connections streaming hello").isEqualTo(1);
        assertThat(connections.getLong("exhaustIsMaster")).as("the driver says hello, not isMaster").isZero();
        assertThat(connections.getLong("awaitingTopologyChanges")).isEqualTo(1);
        assertThat(connections.getInteger("active")).as("serverStatus's connection and the waiting hello's").isEqualTo(2);
      }
      OpenConnections.awaitNone(server::openConnections);
      try (MongoClient polling = pollingClient(server)) {
        Document connections = connections(polling);

        assertThat(connections.getLong("exhaustHello")).as("after the streaming client closed").isZero();
        assertThat(connections.getLong("awaitingTopologyChanges")).isZero();
      }
    }
  }

  @Test
  void aPollingServerHasNobodyWaiting() throws Exception {
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test", ServerLimits.NONE, EmbeddedMonitoring.POLLING, port -> true);
        MongoClient client = streamingClient(server)) {
      Document connections = settledConnections(client);

      assertThat(connections.getLong("exhaustHello")).isZero();
      assertThat(connections.getLong("awaitingTopologyChanges")).isZero();
      assertThat(connections.getInteger("active")).isEqualTo(1);
    }
  }

  /** A client that streams where the server lets it, heartbeat every 500 ms. */
  private static MongoClient streamingClient(EmbeddedMongoTarget server) {
    return MongoClients.create(MongoClientSettings.builder().applyConnectionString(server.connectionString())
        .applyToServerSettings(b -> b.heartbeatFrequency(500, TimeUnit.MILLISECONDS)).build());
  }

  /** The figures once the client's monitor has had time to send its awaitable hello. */
  private static Document settledConnections(MongoClient client) throws InterruptedException {
    client.getDatabase("test").runCommand(new Document("ping", 1));
    Thread.sleep(700);
    return connections(client);
  }

  private static MongoClient pollingClient(EmbeddedMongoTarget server) {
    return MongoClients.create(MongoClientSettings.builder().applyConnectionString(server.connectionString())
        .applyToServerSettings(b -> b.serverMonitoringMode(ServerMonitoringMode.POLL))
        .applyToConnectionPoolSettings(b -> b.maxSize(1)).build());
  }

  private static Document connections(MongoClient client) {
    return client.getDatabase("admin").runCommand(new Document("serverStatus", 1)).get("connections", Document.class);
  }

}
