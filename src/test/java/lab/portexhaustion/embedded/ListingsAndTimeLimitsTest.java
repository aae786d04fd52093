package lab.portexhaustion.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * {@code listCollections} with a filter and {@code nameOnly}, and a read's {@code maxTimeMS}, as mongod answers them.
 * The real Java driver on a real socket.
 */
class ListingsAndTimeLimitsTest {

  @AutoClose
  private final WatchedDriver driver = WatchedDriver.start();
  private final MongoDatabase database = driver.client.getDatabase("test");

  @Test
  void listCollectionsGivesOnlyWhatItsFilterMatchesAndNamesAloneWhenAsked() {
    database.createCollection("orders");
    database.createCollection("sessions");

    assertThat(database.listCollections().filter(Filters.eq("name", "sessions")).into(new ArrayList<>()))
        .extracting(collection -> collection.getString("name")).containsExactly("sessions");
    assertThat(database.listCollections().filter(Filters.eq("name", "carts")).into(new ArrayList<>()))
        .as("a collection that is not there").isEmpty();
    Document onInfo = new Document("listCollections", 1).append("nameOnly", true).append("filter", new Document("info.readOnly", false));
    assertThat(database.runCommand(onInfo).get("cursor", Document.class).getList("firstBatch", Document.class))
        .as("with nameOnly the filter sees the name and the type alone").isEmpty();
    List<Document> names = database.runCommand(new Document("listCollections", 1).append("nameOnly", true))
        .get("cursor", Document.class).getList("firstBatch", Document.class);
    assertThat(names).containsExactlyInAnyOrder(new Document("name", "orders").append("type", "collection"),
        new Document("name", "sessions").append("type", "collection"));
  }

  /**
   * mongod takes listCollections' nameOnly and authorizedCollections, and listDatabases' authorizedDatabases, as bools
   * alone, and listDatabases' nameOnly as a bool or a number; mongo-java-server read 1 as true and "x" as false (a full
   * listing). Drivers send bools.
   */
  @Test
  void aListingsFlagOfAnotherTypeIsRefusedAsMongodRefusesIt() {
    database.createCollection("orders");
    MongoDatabase admin = driver.client.getDatabase("admin");

    assertTypeMismatch(database, new Document("listCollections", 1).append("nameOnly", 1),
        "BSON field 'listCollections.nameOnly' is the wrong type 'int', expected type 'bool'");
    assertTypeMismatch(database, new Document("listCollections", 1).append("nameOnly", "x"),
        "BSON field 'listCollections.nameOnly' is the wrong type 'string', expected type 'bool'");
    assertTypeMismatch(database, new Document("listCollections", 1).append("nameOnly", true).append("authorizedCollections", 1),
        "BSON field 'listCollections.authorizedCollections' is the wrong type 'int', expected type 'bool'");
    assertTypeMismatch(admin, new Document("listDatabases", 1).append("authorizedDatabases", 1),
        "BSON field 'listDatabases.authorizedDatabases' is the wrong type 'int', expected type 'bool'");
    assertTypeMismatch(admin, new Document("listDatabases", 1).append("nameOnly", "x"),
        "BSON field 'listDatabases.nameOnly' is the wrong type 'string', expected types '[bool, long, int, decimal, double']");
    assertThat(admin.runCommand(new Document("listDatabases", 1).append("nameOnly", 1)).getList("databases", Document.class))
        .as("listDatabases' nameOnly as a number").containsExactly(new Document("name", "test"));
    assertThat(database.runCommand(new Document("listCollections", 1).append("nameOnly", null))
        .get("cursor", Document.class).getList("firstBatch", Document.class))
        .as("a null flag is none: the full listing").singleElement().satisfies(entry -> assertThat(entry).containsKey("options"));
  }

  private static void assertTypeMismatch(MongoDatabase database, Document command, String message) {
    assertThatThrownBy(() -> database.runCommand(command)).as("%s", command)
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(14);
          assertThat(e.getErrorMessage()).isEqualTo(message);
        });
  }

  /**
   * mongod's listCollections parser is strict: a field that is neither its own nor one every command takes is refused
   * with code 40415, also in its cursor options; mongo-java-server passed any over.
   */
  @Test
  void anUnknownListCollectionsFieldIsRefusedWith40415AndEveryCommandsOwnAreTaken() {
    database.createCollection("orders");

    for (Document command : List.of(new Document("listCollections", 1).append("nameOnly", true).append("nameOnyl", true),
        new Document("listCollections", 1).append("cursor", new Document("batchSize", 1).append("limit", 1)))) {
      String path = command.containsKey("nameOnyl") ? "listCollections.nameOnyl" : "cursor.limit";
      assertThatThrownBy(() -> database.runCommand(command)).as(command.toJson())
          .isInstanceOfSatisfying(MongoCommandException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(40415);
            assertThat(e.getErrorMessage()).isEqualTo("BSON field '" + path + "' is an unknown field.");
          });
    }
    assertTypeMismatch(database, new Document("listCollections", 1).append("cursor", new Document("batchSize", "1")),
        "BSON field 'cursor.batchSize' is the wrong type 'string', expected types '[long, int, decimal, double']");
    Document generic = new Document("listCollections", 1).append("comment", "checked").append("maxTimeMS", 1000)
        .append("readConcern", new Document("level", "local"));
    assertThat(database.runCommand(generic).get("cursor", Document.class).getList("firstBatch", Document.class)).hasSize(1);
  }

  /**
   * mongod sends every collection in listCollections' first batch unless its cursor asks for fewer, and a getMore goes on
   * from there; mongo-java-server sent them all whatever was asked, with no cursor left.
   */
  @Test
  void listCollectionsKeepsTheBatchSizeItsCursorAsksForAndGetMoreGoesOn() {
    List.of("a", "b", "c").forEach(database::createCollection);

    Document first = database.runCommand(new Document("listCollections", 1).append("nameOnly", true)
        .append("cursor", new Document("batchSize", 1))).get("cursor", Document.class);
    assertThat(first.getList("firstBatch", Document.class)).hasSize(1);
    assertThat(first.getLong("id")).as("a cursor for the rest").isNotZero();
    Document rest = database.runCommand(new Document("getMore", first.getLong("id")).append("collection", "$cmd.listCollections"))
        .get("cursor", Document.class);
    assertThat(rest.getList("nextBatch", Document.class)).hasSize(2);
    assertThat(rest.getLong("id")).isZero();

    assertThat(database.listCollectionNames().batchSize(1).into(new ArrayList<>())).as("the driver's own cursor, read to its end")
        .containsExactlyInAnyOrder("a", "b", "c");
    assertThat(database.runCommand(new Document("listCollections", 1)).get("cursor", Document.class)
        .getList("firstBatch", Document.class)).as("no batch size: all in the first batch").hasSize(3);
  }

  /** mongo-java-server ignored a filter that is not a document and listed everything. */
  @Test
  void aListingsFilterThatIsNotADocumentIsRefusedAsMongodRefusesIt() {
    database.createCollection("orders");

    assertThatThrownBy(() -> database.runCommand(new Document("listCollections", 1).append("filter", "orders")))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(14);
          assertThat(e.getErrorMessage()).isEqualTo("BSON field 'listCollections.filter' is the wrong type 'string', expected type 'object'");
        });
    assertThatThrownBy(() -> driver.client.getDatabase("admin").runCommand(new Document("listDatabases", 1).append("filter", 1)))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(14);
          assertThat(e.getErrorMessage()).isEqualTo("BSON field 'listDatabases.filter' is the wrong type 'int', expected type 'object'");
        });
    Document noFilter = new Document("listCollections", 1).append("filter", null);
    assertThat(database.runCommand(noFilter).get("cursor", Document.class).getList("firstBatch", Document.class))
        .as("a null filter is none").hasSize(1);
  }

  @Test
  void aReadLongerThanItsMaxTimeFailsWithCode50AndOneWithinItsTimeAnswers() {
    MongoCollection<Document> orders = database.getCollection("orders");
    orders.insertMany(IntStream.range(0, 20_000).mapToObj(i -> new Document("_id", i).append("total", i % 977)).toList());
    // A full read and sort of 20,000 documents: some tens of milliseconds here (no index on "total"), never 1 ms.
    var slow = orders.find(Filters.gte("total", 0)).sort(Sorts.descending("total"));

    assertThatThrownBy(() -> slow.maxTime(1, TimeUnit.MILLISECONDS).first())
        .isInstanceOf(MongoExecutionTimeoutException.class)
        .satisfies(e -> assertThat(((MongoExecutionTimeoutException) e).getCode()).isEqualTo(50));
    assertThat(slow.maxTime(60, TimeUnit.SECONDS).first()).isNotNull();
    // An aggregate that writes ($out) is a write: done, and not said to have failed, whatever its time.
    orders.aggregate(List.of(Aggregates.sort(Sorts.descending("total")), Aggregates.out("copy"))).maxTime(1, TimeUnit.MILLISECONDS)
        .toCollection();
    assertThat(database.getCollection("copy").countDocuments()).isEqualTo(20_000);
  }

  /**
   * A maxTimeMS mongod cannot use is refused before the command runs, whatever the command, with mongod's code 2 and
   * words; mongo-java-server passed over any value, and a read given one ran without a time limit.
   */
  @Test
  void aMaxTimeThatIsNotAWholeNumberOfMillisecondsInRangeIsRefusedAsMongodRefusesIt() {
    database.getCollection("orders").insertOne(new Document("_id", 1));
    Object[][] refused = {
        {null, "maxTimeMS must be a number"},
        {"100", "maxTimeMS must be a number"},
        {-5, "-5 value for maxTimeMS is out of range [0, 2147483647]"},
        {2_147_483_648L, "2147483648 value for maxTimeMS is out of range [0, 2147483647]"},
        {-1.5, "-1 value for maxTimeMS is out of range [0, 2147483647]"},
        {1e19, "9223372036854775807 value for maxTimeMS is out of range [0, 2147483647]"},
        {2.5, "maxTimeMS has non-integral value"},
        {Double.NaN, "maxTimeMS has non-integral value"}};
    for (String command : List.of("find", "count", "insert")) {
      for (Object[] value : refused) {
        Document sent = new Document(command, "orders").append("maxTimeMS", value[0]);
        if (command.equals("insert")) {
          sent.append("documents", List.of(new Document("_id", 2)));
        }
        assertThatThrownBy(() -> database.runCommand(sent)).as(sent.toJson())
            .isInstanceOfSatisfying(MongoCommandException.class, e -> {
              assertThat(e.getErrorCode()).isEqualTo(2);
              assertThat(e.getErrorCodeName()).isEqualTo("BadValue");
              assertThat(e.getErrorMessage()).isEqualTo(value[1]);
            });
      }
    }
    assertThat(database.getCollection("orders").countDocuments()).as("no refused insert wrote").isEqualTo(1);
    for (Object taken : List.of(0, 2_147_483_647L, 1000.0)) {
      assertThat(database.runCommand(new Document("count", "orders").append("maxTimeMS", taken)).get("n", Number.class).intValue())
          .as("maxTimeMS %s", taken).isEqualTo(1);
    }
  }
}
