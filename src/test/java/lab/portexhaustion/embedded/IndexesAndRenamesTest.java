package lab.portexhaustion.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Dropping indexes and renaming collections, as mongod 7.0 does them and refuses them: through the real Java driver's
 * own calls where it has them, as a command written out where it does not, on a real socket.
 */
class IndexesAndRenamesTest {

  @AutoClose
  private final WatchedDriver driver = WatchedDriver.start();
  private final MongoDatabase database = driver.client.getDatabase("test");

  /**
   * A driver's "drop all indexes" sends {@code "*"}: mongo-java-server went through the whole database's index entries
   * and failed (27 "index not found with name [sku_1]") when another collection had an index of its own, dropping none.
   */
  @Test
  void droppingEveryIndexDropsThisCollectionsAndLeavesTheOthersAndTheIdIndex() {
    MongoCollection<Document> items = withIndexOn("items", "sku");
    MongoCollection<Document> orders = withIndexOn("orders", "placed");
    items.createIndex(Indexes.ascending("price"));

    orders.dropIndexes();

    assertThat(indexNames(orders)).containsExactly("_id_");
    assertThat(indexNames(items)).containsExactlyInAnyOrder("_id_", "sku_1", "price_1");
    Document reply = database.runCommand(new Document("dropIndexes", "items").append("index", "*"));
    assertThat(reply.getInteger("nIndexesWas")).isEqualTo(3);
    assertThat(indexNames(items)).containsExactly("_id_");
  }

  /**
   * Two collections indexed on the same field have an index of the same name each. mongo-java-server's drop by name
   * took the other collection's off its listing too, and dropping the database then failed with a Java assertion's
   * text ("Expected [EmptyIndex[name=sku_1]] to be empty").
   */
  @Test
  void droppingAnIndexByNameLeavesAnotherCollectionsIndexOfThatName() {
    MongoCollection<Document> items = withIndexOn("items", "sku");
    MongoCollection<Document> orders = withIndexOn("orders", "sku");

    items.dropIndex("sku_1");
    orders.dropIndexes();
    withIndexOn("stock", "sku");
    database.getCollection("stock").dropIndex(Indexes.ascending("sku"));

    assertThat(indexNames(items)).containsExactly("_id_");
    assertThat(indexNames(orders)).containsExactly("_id_");
    withIndexOn("returns", "sku");
    assertRefused(new Document("dropIndexes", "returns").append("index", "price_1"), 27, "index not found with name [price_1]");
    assertThat(indexNames(database.getCollection("returns"))).containsExactlyInAnyOrder("_id_", "sku_1");
    database.drop();
    assertThat(driver.client.listDatabaseNames().into(new ArrayList<>())).doesNotContain("test");
  }

  /** mongo-java-server dropped the _id index, after which the collection listed none. */
  @Test
  void theIdIndexIsNotDroppedAndACollectionThatIsNotThereIsNotFound() {
    MongoCollection<Document> items = withIndexOn("items", "sku");

    assertRefused(new Document("dropIndexes", "items").append("index", "_id_"), 72, "cannot drop _id index");
    assertRefused(new Document("dropIndexes", "items").append("index", new Document("_id", 1.0)), 72, "cannot drop _id index");
    assertRefused(new Document("dropIndexes", "missing").append("index", "*"), 26, "ns not found test.missing");
    assertRefused(new Document("dropIndexes", "items").append("index", 5), 14,
        "BSON field 'dropIndexes.index' is the wrong type 'int', expected types '[string, object']");
    assertThatThrownBy(() -> database.runCommand(new Document("dropIndexes", "items").append("index", List.of("sku_1"))))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(238);
          assertThat(e.getErrorMessage()).contains("name each in a dropIndexes of its own");
        });

    assertThat(indexNames(items)).containsExactlyInAnyOrder("_id_", "sku_1");
    items.dropIndex("sku_1");
    assertThat(indexNames(items)).containsExactly("_id_");
  }

  /**
   * mongo-java-server made an index without a name from a specification without one, after which every drop of the
   * collection or its database failed with a NullPointerException and no code; its other answers here were Java errors.
   */
  @Test
  void anIndexSpecificationWithoutANameOrAKeyIsRefusedAndTheCollectionStaysDroppable() {
    MongoCollection<Document> items = withIndexOn("items", "sku");

    assertRefused(createIndex(new Document("key", new Document("price", 1))), 9,
        "Error in specification { key: { price: 1 } } :: caused by :: The 'name' field is a required property of an index specification");
    assertRefused(createIndex(new Document("name", "price_1")), 9,
        "Error in specification { name: \"price_1\" } :: caused by :: The 'key' field is a required property of an index specification");
    assertRefused(createIndex(new Document("key", "price").append("name", "price_1")), 14,
        "Error in specification { key: \"price\", name: \"price_1\" } :: caused by :: The field 'key' must be an object, but got string");
    assertRefused(createIndex(new Document("key", new Document("price", 1.0)).append("name", null)), 14,
        "Error in specification { key: { price: 1.0 }, name: null } :: caused by :: The field 'name' must be a string, but got null");
    assertRefused(new Document("createIndexes", "items").append("indexes", List.of(5)), 14,
        "BSON field 'createIndexes.indexes.0' is the wrong type 'int', expected type 'object'");

    assertThat(indexNames(items)).containsExactlyInAnyOrder("_id_", "sku_1");
    items.drop();
    assertThat(database.listCollectionNames().into(new ArrayList<>())).doesNotContain("items");
  }

  private static Document createIndex(Document specification) {
    return new Document("createIndexes", "items").append("indexes", List.of(specification));
  }

  /** mongo-java-server listed no index and answered ok; the Java driver reads mongod's 26 as an empty listing. */
  @Test
  void listingTheIndexesOfACollectionThatIsNotThereIsNotFound() {
    assertRefused(new Document("listIndexes", "missing"), 26, "ns does not exist: test.missing");
    assertThat(indexNames(database.getCollection("missing"))).isEmpty();
    assertThat(indexNames(withIndexOn("items", "sku"))).containsExactlyInAnyOrder("_id_", "sku_1");
  }

  /**
   * Outside the admin database mongo-java-server answered "no such command", a rename to the same name ok, a source
   * that is not there an error without a code.
   */
  @Test
  void aRenameIsRefusedAsMongodRefusesItAndOtherwiseDone() {
    database.getCollection("items").insertOne(new Document("_id", 1));
    MongoDatabase admin = driver.client.getDatabase("admin");

    assertRefused(new Document("renameCollection", "test.items").append("to", "test.stock"), 13,
        "renameCollection may only be run against the admin database.");
    assertRefused(admin, new Document("renameCollection", "test.items").append("to", "test.items"), 20,
        "Can't rename a collection to itself");
    assertRefused(admin, new Document("renameCollection", "test.missing").append("to", "test.stock"), 26,
        "Source collection test.missing does not exist");
    assertRefused(admin, new Document("renameCollection", "test.items"), 40414, "BSON field 'renameCollection.to' is missing but a required field");
    assertRefused(admin, new Document("renameCollection", "test.items").append("to", 5), 14,
        "BSON field 'renameCollection.to' is the wrong type 'int', expected type 'string'");

    database.getCollection("items").renameCollection(new MongoNamespace("test", "stock"));
    assertThat(database.listCollectionNames().into(new ArrayList<>())).containsExactly("stock");
  }

  private MongoCollection<Document> withIndexOn(String collection, String field) {
    MongoCollection<Document> indexed = database.getCollection(collection);
    indexed.insertOne(new Document(field, 1));
    indexed.createIndex(Indexes.ascending(field));
    return indexed;
  }

  private static List<String> indexNames(MongoCollection<Document> collection) {
    return collection.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>());
  }

  private void assertRefused(Document command, int code, String message) {
    assertRefused(database, command, code, message);
  }

  private static void assertRefused(MongoDatabase on, Document command, int code, String message) {
    assertThatThrownBy(() -> on.runCommand(command)).as("%s", command)
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(code);
          assertThat(e.getErrorMessage()).isEqualTo(message);
        });
  }
}
