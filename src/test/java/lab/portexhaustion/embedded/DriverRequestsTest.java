package lab.portexhaustion.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import lab.portexhaustion.target.EmbeddedMongoTarget;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a driver sends a MongoDB 7.0 server, taken by the embedded one: sessions (implicit on every command, an explicit
 * one), a write batch of mongod's size, a request that wants no reply, and {@code listDatabases} with sizes. The real
 * Java driver on a real socket, every command it sends watched.
 */
class DriverRequestsTest {

  private final List<BsonDocument> sent = new CopyOnWriteArrayList<>();
  private EmbeddedMongoTarget server;
  private MongoClient client;

  @BeforeEach
  void connect() {
    server = EmbeddedMongoTarget.start("test");
    client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(server.connectionString())
        .addCommandListener(new CommandListener() {
          @Override
          public void commandStarted(CommandStartedEvent event) {
            sent.add(event.getCommand());
          }
        }).build());
  }

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  @Test
  void everyCommandCarriesASessionAndAnExplicitSessionWorks() {
    MongoCollection<Document> collection = client.getDatabase("test").getCollection("sessions");
    collection.insertOne(new Document("_id", 1));
    collection.find().first();

    try (ClientSession session = client.startSession()) {
      collection.insertOne(session, new Document("_id", 2));
      assertThat(collection.find(session, new Document("_id", 2)).first()).isNotNull();
      BsonDocument id = session.getServerSession().getIdentifier();
      assertThat(sent.subList(2, sent.size())).as("the explicit session's commands")
          .allSatisfy(command -> assertThat(command.getDocument("lsid")).isEqualTo(id));
    }
    assertThat(sent).as("every command the driver sent").hasSize(4).allSatisfy(command -> assertThat(command).containsKey("lsid"));
  }

  @Test
  void aBatchOfMongodsSizeGoesInOneCommand() {
    MongoCollection<Document> collection = client.getDatabase("test").getCollection("batch");
    collection.insertMany(IntStream.range(0, 100_000).mapToObj(i -> new Document("_id", i)).toList());

    assertThat(sent.stream().filter(c -> c.getFirstKey().equals("insert"))).as("insert commands").hasSize(1);
    assertThat(collection.countDocuments()).isEqualTo(100_000);
  }

  @Test
  void aWriteThatWantsNoReplyIsDoneAndTheNextReplyAnswersTheNextRequest() throws Exception {
    MongoCollection<Document> collection = client.getDatabase("test").getCollection("unacknowledged");
    collection.withWriteConcern(WriteConcern.UNACKNOWLEDGED).insertOne(new Document("_id", 1));

    assertThat(collection.find(new Document("_id", 1)).first()).as("the unacknowledged insert, read back on the same connection")
        .isEqualTo(new Document("_id", 1));
    assertThat(server.openConnections()).as("the pool connection, the monitor and its round-trip-time connection").isEqualTo(3);
  }

  @Test
  void listDatabasesGivesEachDatabasesSizeAndTheTotal() {
    client.getDatabase("small").getCollection("c").insertOne(new Document("x", 1));
    client.getDatabase("large").getCollection("c").insertMany(
        IntStream.range(0, 100).mapToObj(i -> new Document("x", "y".repeat(100))).toList());

    Document listed = client.getDatabase("admin").runCommand(new Document("listDatabases", 1));
    List<Document> databases = listed.getList("databases", Document.class);
    long small = sizeOf(databases, "small");
    long large = sizeOf(databases, "large");

    assertThat(small).isPositive();
    assertThat(large).isGreaterThan(100 * 100);
    assertThat(listed.get("totalSize", Number.class).longValue())
        .isEqualTo(databases.stream().mapToLong(d -> d.get("sizeOnDisk", Number.class).longValue()).sum());
    assertThat(databases).extracting(d -> d.getBoolean("empty")).containsOnly(false);
  }

  private static long sizeOf(List<Document> databases, String name) {
    return databases.stream().filter(d -> d.getString("name").equals(name)).findFirst().orElseThrow()
        .get("sizeOnDisk", Number.class).longValue();
  }
}
