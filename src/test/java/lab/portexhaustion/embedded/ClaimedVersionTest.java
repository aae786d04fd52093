package lab.portexhaustion.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.connection.ServerDescription;
import java.time.Duration;
import java.util.List;
import lab.portexhaustion.config.EmbeddedMonitoring;
import lab.portexhaustion.config.ServerLimits;
import lab.portexhaustion.target.EmbeddedMongoTarget;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The release the server claims, through the real driver on a real socket: its handshake, {@code buildInfo} and
 * {@code serverStatus} name one version and one wire version, with mongod's limits and logical sessions; an awaitable
 * {@code hello} is checked as mongod checks it.
 */
class ClaimedVersionTest {

  @ParameterizedTest
  @EnumSource(EmbeddedMonitoring.class)
  void handshakeBuildInfoAndServerStatusAgreeOnOneRelease(EmbeddedMonitoring monitoring) {
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test", ServerLimits.NONE, monitoring, port -> true);
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoDatabase admin = client.getDatabase("admin");
      Document hello = admin.runCommand(new Document("hello", 1).append("helloOk", true));
      Document isMaster = admin.runCommand(new Document("isMaster", 1));
      Document buildInfo = admin.runCommand(new Document("buildInfo", 1));
      Document status = admin.runCommand(new Document("serverStatus", 1));

      for (Document handshake : List.of(hello, isMaster)) {
        assertThat(handshake.getInteger("maxWireVersion")).isEqualTo(21);
        assertThat(handshake.getInteger("minWireVersion")).isZero();
        assertThat(handshake.getInteger("logicalSessionTimeoutMinutes")).isEqualTo(30);
        assertThat(handshake.getBoolean("readOnly")).isFalse();
        assertThat(handshake.getInteger("maxBsonObjectSize")).isEqualTo(16 * 1024 * 1024);
        assertThat(handshake.getInteger("maxMessageSizeBytes")).isEqualTo(48_000_000);
        assertThat(handshake.getInteger("maxWriteBatchSize")).isEqualTo(100_000);
        assertThat(handshake.getInteger("connectionId")).isPositive();
        assertThat(handshake.containsKey("topologyVersion")).as("topologyVersion, which makes the driver stream")
            .isEqualTo(monitoring == EmbeddedMonitoring.STREAMING);
      }
      assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
      assertThat(hello.getBoolean("helloOk")).isTrue();
      assertThat(isMaster.getBoolean("ismaster")).isTrue();
      assertThat(buildInfo.getString("version")).isEqualTo("7.0.0");
      assertThat(buildInfo.getList("versionArray", Integer.class)).containsExactly(7, 0, 0, 0);
      assertThat(status.getString("version")).isEqualTo(buildInfo.getString("version"));

      // The driver's own view of the server: the wire version it took from the handshake.
      ServerDescription seen = client.getClusterDescription().getServerDescriptions().get(0);
      assertThat(seen.getMaxWireVersion()).isEqualTo(21);
      assertThat(seen.getLogicalSessionTimeoutMinutes()).isEqualTo(30);
    }
  }

  @ParameterizedTest
  @EnumSource(EmbeddedMonitoring.class)
  void anAwaitableHelloWithOnlyOneOfItsTwoFieldsIsRefusedAsMongodRefusesIt(EmbeddedMonitoring monitoring) {
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test", ServerLimits.NONE, monitoring, port -> true);
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoDatabase admin = client.getDatabase("admin");
      // A polling server publishes no topology version: a client that sends one anyway names some other process.
      Document topologyVersion = monitoring == EmbeddedMonitoring.STREAMING
          ? admin.runCommand(new Document("hello", 1)).get("topologyVersion", Document.class)
          : new Document("processId", new ObjectId()).append("counter", 0L);

      MongoCommandException onlyTopologyVersion = refusal(admin, new Document("hello", 1).append("topologyVersion", topologyVersion));
      assertThat(onlyTopologyVersion.getErrorCode()).isEqualTo(31368);
      assertThat(onlyTopologyVersion.getErrorCodeName()).isEqualTo("Location31368");
      assertThat(onlyTopologyVersion.getErrorMessage()).contains("maxAwaitTimeMS");
      assertThat(refusal(admin, new Document("hello", 1).append("maxAwaitTimeMS", 100)).getErrorCode()).isEqualTo(31368);
      assertThat(refusal(admin, new Document("isMaster", 1).append("maxAwaitTimeMS", 100)).getErrorCode()).isEqualTo(31368);
      assertThat(refusal(admin, awaitable(new Document("processId", topologyVersion.get("processId")), 0)).getErrorCode())
          .as("a topologyVersion without its counter").isEqualTo(40414);
      assertThat(refusal(admin, awaitable(new Document("processId", topologyVersion.get("processId")).append("counter", 0), 0))
          .getErrorCode()).as("a counter that is not a long").isEqualTo(14);
      assertThat(refusal(admin, awaitable(withCounter(topologyVersion, -1), 0)).getErrorCode()).isEqualTo(31372);
      assertThat(refusal(admin, awaitable(topologyVersion, -1)).getErrorCode()).isEqualTo(31373);
    }
  }

  @Test
  void aPollingServerAnswersTheDriversOwnHelloAndAWellFormedAwaitableOneAtOnce() {
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test", ServerLimits.NONE, EmbeddedMonitoring.POLLING, port -> true);
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoDatabase admin = client.getDatabase("admin");
      // The polling monitor's own handshake: neither topologyVersion nor maxAwaitTimeMS.
      Document hello = admin.runCommand(new Document("hello", 1).append("helloOk", true));
      assertThat(hello.getDouble("ok")).isEqualTo(1.0);
      assertThat(hello.containsKey("topologyVersion")).isFalse();

      long began = System.nanoTime();
      Document awaited = admin.runCommand(awaitable(new Document("processId", new ObjectId()).append("counter", 0L), 5_000));
      assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(2));
      assertThat(awaited.getDouble("ok")).isEqualTo(1.0);

      // The driver's monitor saw the server and keeps it: an operation runs.
      assertThat(client.getDatabase("test").getCollection("c").countDocuments()).isZero();
      assertThat(client.getClusterDescription().getServerDescriptions().get(0).isOk()).isTrue();
    }
  }

  @Test
  void theCounterIsComparedWithTheServersOwnForItsOwnProcessOnly() {
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test");
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoDatabase admin = client.getDatabase("admin");
      Document topologyVersion = admin.runCommand(new Document("hello", 1)).get("topologyVersion", Document.class);

      MongoCommandException ahead = refusal(admin, awaitable(withCounter(topologyVersion, 1), 0));
      assertThat(ahead.getErrorCode()).as("a counter ahead of this server's").isEqualTo(31382);
      assertThat(ahead.getErrorMessage()).contains("1").contains("0");

      // Another process (a restarted server): answered at once, whatever its counter, with this server's version.
      long began = System.nanoTime();
      Document other = admin.runCommand(awaitable(new Document("processId", new ObjectId()).append("counter", 5L), 5_000));
      assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(2));
      assertThat(other.get("topologyVersion", Document.class)).isEqualTo(topologyVersion);

      // Its own, current version: the answer waits for maxAwaitTimeMS (this server's topology never changes).
      began = System.nanoTime();
      admin.runCommand(awaitable(topologyVersion, 300));
      assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"endSessions", "refreshSessions"})
  void sessionCommandsAreAnswered(String command) {
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test");
        MongoClient client = MongoClients.create(server.connectionString())) {
      Document session = client.getDatabase("admin").runCommand(new Document("startSession", 1));
      assertThat(session.getInteger("timeoutMinutes")).isEqualTo(30);
      Object id = session.get("id", Document.class).get("id");
      assertThat(id).isInstanceOf(org.bson.types.Binary.class);

      Document answer = client.getDatabase("admin").runCommand(new Document(command, List.of(new Document("id", id))));
      assertThat(answer.getDouble("ok")).isEqualTo(1.0);
    }
  }

  private static MongoCommandException refusal(MongoDatabase admin, Document command) {
    return catchThrowableOfType(MongoCommandException.class, () -> admin.runCommand(command));
  }

  private static Document awaitable(Document topologyVersion, long maxAwaitTimeMS) {
    return new Document("hello", 1).append("topologyVersion", topologyVersion).append("maxAwaitTimeMS", maxAwaitTimeMS);
  }

  private static Document withCounter(Document topologyVersion, long counter) {
    return new Document("processId", topologyVersion.get("processId")).append("counter", counter);
  }
}
