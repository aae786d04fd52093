package lab.portexhaustion.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.function.IntSupplier;
import lab.portexhaustion.failure.SocketErrorListener;
import lab.portexhaustion.TestSettings;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.EmbeddedMonitoring;
import lab.portexhaustion.config.ServerLimits;
import lab.portexhaustion.config.StrategyKind;
import lab.portexhaustion.failure.ClassifiedError;
import lab.portexhaustion.failure.ErrorClassifier;
import lab.portexhaustion.failure.ErrorKind;
import lab.portexhaustion.target.EmbeddedMongoTarget;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The idle-connection strategies and the embedded server's limits, with real sockets on
 * loopback: the connection limit refuses exactly the connection beyond it, the idle timeout
 * closes idle connections, and the client lets go of what the server closed.
 */
class IdleConnectionsAgainstEmbeddedServerTest {

  private static final HarnessSettings SETTINGS = TestSettings.with();
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  @Test
  void theConnectionBeyondTheLimitIsRefusedAndClassifiedAsServerRefused() throws Exception {
    int limit = 3;
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test", new ServerLimits(limit, Duration.ZERO), EmbeddedMonitoring.STREAMING, port -> true);
        KeepAliveStrategy keepAlive = (KeepAliveStrategy) StrategyFactory.create(StrategyKind.KEEP_ALIVE, server, SETTINGS, SocketErrorListener.NONE)) {
      awaitCount("the handshake probe closed", server::openConnections, 0);
      for (int i = 0; i < limit; i++) {
        keepAlive.execute(StrategyFactory.settingsOperation(SETTINGS));
      }
      assertThat(server.openConnections()).isEqualTo(limit);

      Throwable refused = catchThrowable(() -> keepAlive.execute(StrategyFactory.settingsOperation(SETTINGS)));

      ClassifiedError error = ErrorClassifier.classify(refused);
      assertThat(error.kind()).as("%s", refused).isEqualTo(ErrorKind.SERVER_REFUSED);
      assertThat(server.refusedConnections()).isEqualTo(1);
      assertThat(server.openConnections()).isEqualTo(limit);
      assertThat(keepAlive.idleConnections()).isEqualTo(limit);
    }
  }

  @Test
  void theDriverReadsAConnectionRefusedAtTheLimitAsServerRefused() {
    // The client's monitoring connection takes the one slot; the operation's pool connection is refused.
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test", new ServerLimits(1, Duration.ZERO), EmbeddedMonitoring.STREAMING, port -> true);
        MongoClient client = MongoClients.create(DriverSettings.base(server.connectionString(), SETTINGS).build())) {
      Throwable refused = catchThrowable(() -> client.getDatabase("lab").getCollection("limit").insertOne(new Document("n", 1)));

      assertThat(refused).isNotNull();
      assertThat(ErrorClassifier.classify(refused).kind()).as("%s", refused).isEqualTo(ErrorKind.SERVER_REFUSED);
      assertThat(server.refusedConnections()).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void theIdleTimeoutClosesIdleConnectionsAndTheClientLetsGoOfThem() throws Exception {
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test", new ServerLimits(0, Duration.ofMillis(300)), EmbeddedMonitoring.STREAMING, port -> true);
        KeepAliveStrategy keepAlive = (KeepAliveStrategy) StrategyFactory.create(StrategyKind.KEEP_ALIVE, server, SETTINGS, SocketErrorListener.NONE)) {
      for (int i = 0; i < 5; i++) {
        keepAlive.execute(StrategyFactory.settingsOperation(SETTINGS));
      }
      // Not the idle count at this moment: on a busy machine the first connections may already be past 300 ms idle.
      assertThat(keepAlive.connectionsOpened()).as("a connection per request").isEqualTo(5);

      awaitCount("the client released what the server closed", keepAlive::idleConnections, 0);
      awaitCount("the server holds nothing", server::openConnections, 0);
      assertThat(server.idleClosedConnections()).isGreaterThanOrEqualTo(5);
    }
  }

  @Test
  void withoutAnIdleTimeoutKeepAliveConnectionsStayOpen() throws Exception {
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test");
        KeepAliveStrategy keepAlive = (KeepAliveStrategy) StrategyFactory.create(StrategyKind.KEEP_ALIVE, server, SETTINGS, SocketErrorListener.NONE)) {
      for (int i = 0; i < 5; i++) {
        keepAlive.execute(StrategyFactory.settingsOperation(SETTINGS));
      }
      Thread.sleep(700);

      assertThat(keepAlive.idleConnections()).isEqualTo(5);
      awaitCount("the probe closed, the five held", server::openConnections, 5);

      keepAlive.close();
      awaitCount("closing the strategy closes them", server::openConnections, 0);
    }
  }

  @Test
  void leakedClientsKeepTheirConnectionsUntilTheStrategyCloses() throws Exception {
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test");
        ConnectionStrategy leaking = StrategyFactory.create(StrategyKind.LEAKED_CLIENT, server, SETTINGS, SocketErrorListener.NONE)) {
      awaitCount("the preparing client closed", server::openConnections, 0);
      for (int i = 0; i < 3; i++) {
        leaking.execute(StrategyFactory.settingsOperation(SETTINGS));
      }

      // Each leaked client holds its monitoring connection and the pooled connection of its operation.
      assertThat(server.openConnections()).isGreaterThanOrEqualTo(6);

      leaking.close();
      awaitCount("closing the strategy closes the clients", server::openConnections, 0);
    }
  }

  private static void awaitCount(String what, IntSupplier count, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (count.getAsInt() != expected && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(count.getAsInt()).as(what).isEqualTo(expected);
  }
}
