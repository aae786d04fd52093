package lab.portexhaustion.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoClientException;
import com.mongodb.MongoCommandException;
import com.mongodb.WriteConcern;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import lab.portexhaustion.target.EmbeddedMongoTarget;
import org.bson.BsonArray;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * What a driver sends a MongoDB 7.0 server, taken by the embedded one: sessions (implicit on every command, an explicit
 * one), a write batch of mongod's size and a write's list refused as mongod refuses it (inside the command, and beside
 * it as an OP_MSG document sequence written by hand on a real socket, as PyMongo sends an empty one), a request that
 * wants no reply, upserts whose ids the server makes (time-based),
 * and {@code listDatabases} with sizes. The real
 * Java driver on a real socket, every command it sends watched.
 */
class DriverRequestsTest {

  private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

  private static final int OP_MSG = 2013;
  private static final int CHECKSUM_PRESENT = 1;

  @AutoClose
  private final WatchedDriver driver = WatchedDriver.start();
  private final EmbeddedMongoTarget server = driver.server;
  private final MongoClient client = driver.client;
  private final List<BsonDocument> sent = driver.sent;

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
    OpenConnections.awaitAtLeast(server::openConnections, 3); // the round-trip-time connection opens on its own
    assertThat(server.openConnections()).as("the pool connection, the monitor and its round-trip-time connection").isEqualTo(3);
  }

  @Test
  void anIdTheServerMakesForAnUpsertIsTimeBasedAsMongodsAre() {
    MongoCollection<Document> collection = client.getDatabase("test").getCollection("upserts");
    Instant now = Instant.now();

    ObjectId operator = collection.updateOne(Filters.eq("sku", "a"), Updates.set("stock", 1), UPSERT)
        .getUpsertedId().asObjectId().getValue();
    ObjectId replacement = collection.replaceOne(Filters.eq("sku", "b"), new Document("sku", "b").append("stock", 2),
        new ReplaceOptions().upsert(true)).getUpsertedId().asObjectId().getValue();
    Document found = collection.findOneAndUpdate(Filters.eq("sku", "c"), Updates.combine(Updates.set("stock", 3),
        Updates.setOnInsert("added", true)), new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));

    // mongo-java-server's own ids are twelve random bytes: their "time" lands anywhere in 136 years.
    for (ObjectId id : List.of(operator, replacement, found.getObjectId("_id"))) {
      assertThat(Duration.between(now, id.getDate().toInstant()).abs()).as("the time in %s", id)
          .isLessThan(Duration.ofSeconds(5));
    }
    assertThat(found.getBoolean("added")).as("the update's own $setOnInsert, kept beside the id").isTrue();
    assertThat(collection.find(Filters.eq("_id", replacement)).first()).containsEntry("stock", 2);
  }

  @Test
  void anUpsertThatNamesItsOwnIdKeepsItAndAReplacementThatMatchesKeepsTheMatchedId() {
    MongoCollection<Document> collection = client.getDatabase("test").getCollection("upserts");
    ObjectId old = new ObjectId(new Date(0));

    assertThat(collection.updateOne(Filters.eq("_id", "mine"), Updates.set("stock", 1), UPSERT).getUpsertedId())
        .isEqualTo(new BsonString("mine"));
    assertThat(collection.updateOne(Filters.eq("sku", "d"), Updates.setOnInsert("_id", old), UPSERT).getUpsertedId())
        .isEqualTo(new BsonObjectId(old));
    assertThat(collection.replaceOne(Filters.eq("sku", "e"), new Document("_id", 7).append("sku", "e"),
        new ReplaceOptions().upsert(true)).getUpsertedId()).isEqualTo(new BsonInt32(7));

    // A replacement upsert that matches replaces the document and keeps its id (no new id forced into it).
    ObjectId first = collection.replaceOne(Filters.eq("sku", "f"), new Document("sku", "f").append("stock", 1),
        new ReplaceOptions().upsert(true)).getUpsertedId().asObjectId().getValue();
    UpdateResult again = collection.replaceOne(Filters.eq("sku", "f"), new Document("sku", "f").append("stock", 2),
        new ReplaceOptions().upsert(true));
    assertThat(again.getUpsertedId()).isNull();
    assertThat(again.getModifiedCount()).isEqualTo(1);
    assertThat(collection.find(Filters.eq("sku", "f")).into(new ArrayList<>())).singleElement()
        .satisfies(document -> assertThat(document).containsEntry("_id", first).containsEntry("stock", 2));
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

  /** A database is listed once it holds a collection, as on mongod: a read of one that is not there does not make it. */
  @Test
  void listDatabasesListsOnlyDatabasesWithACollectionAsItsFilterAndNameOnlyAsk() {
    client.getDatabase("orders").getCollection("c").insertOne(new Document("x", 1));
    client.getDatabase("carts").getCollection("c").insertOne(new Document("x", 1));
    client.getDatabase("never").getCollection("c").find().first();
    client.getDatabase("never").runCommand(new Document("dbStats", 1));

    assertThat(client.listDatabaseNames().into(new ArrayList<>())).containsExactly("carts", "orders");
    assertThat(client.listDatabases().filter(Filters.eq("name", "orders")).into(new ArrayList<>()))
        .extracting(d -> d.getString("name")).containsExactly("orders");
    Document namesOnly = client.getDatabase("admin").runCommand(new Document("listDatabases", 1).append("nameOnly", true));
    assertThat(namesOnly.getList("databases", Document.class)).containsExactly(new Document("name", "carts"), new Document("name", "orders"));
  }

  /**
   * A standalone mongod has no transactions: the first command of one is refused, and nothing of it is written. The Java
   * driver knows mongod's refusal (code 20 with this message) and says it in its own words, as against a real standalone.
   */
  @Test
  void aTransactionIsRefusedAsAStandaloneMongodRefusesItAndWritesNothing() {
    MongoCollection<Document> collection = client.getDatabase("test").getCollection("transactions");

    try (ClientSession session = client.startSession()) {
      assertThatThrownBy(() -> session.withTransaction(() -> collection.insertOne(session, new Document("_id", 1))))
          .isInstanceOf(MongoClientException.class)
          .hasMessage("This MongoDB deployment does not support retryable writes. Please add retryWrites=false to your connection string.")
          .cause().isInstanceOfSatisfying(MongoCommandException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(20);
            assertThat(e.getErrorCodeName()).isEqualTo("IllegalOperation");
            assertThat(e.getErrorMessage()).isEqualTo("Transaction numbers are only allowed on a replica set member or mongos");
          });
    }
    assertThat(collection.countDocuments()).isZero();
    assertThat(sent).filteredOn(command -> command.containsKey("txnNumber")).isNotEmpty();
  }

  @Test
  void aChangeStreamIsRefusedAsAStandaloneMongodRefusesIt() {
    MongoCollection<Document> collection = client.getDatabase("test").getCollection("changes");

    assertThatThrownBy(() -> collection.watch().iterator())
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(40573);
          assertThat(e.getErrorMessage()).isEqualTo("The $changeStream stage is only supported on replica sets");
        });
  }

  @Test
  void droppingACollectionThatIsNotThereSucceedsAsOnMongod70() {
    Document reply = client.getDatabase("test").runCommand(new Document("drop", "never_created"));

    assertThat(reply.get("ok", Number.class).doubleValue()).isEqualTo(1.0);
  }

  /** Of three documents, the second a duplicate: an ordered insert stops there (1 inserted), an unordered one does not (2). */
  @Test
  void anInsertWithADuplicateKeyCountsTheDocumentsInsertedNotThoseSent() {
    MongoCollection<Document> collection = client.getDatabase("test").getCollection("duplicates");
    collection.insertOne(new Document("_id", "taken"));

    for (boolean ordered : new boolean[] {true, false}) {
      List<Document> batch = List.of(new Document("_id", "a" + ordered), new Document("_id", "taken"),
          new Document("_id", "b" + ordered));
      assertThatThrownBy(() -> collection.insertMany(batch, new InsertManyOptions().ordered(ordered)))
          .isInstanceOfSatisfying(MongoBulkWriteException.class, e -> {
            assertThat(e.getWriteResult().getInsertedCount()).as("inserted, ordered %s", ordered).isEqualTo(ordered ? 1 : 2);
            assertThat(e.getWriteErrors()).singleElement().satisfies(error -> assertThat(error.getCode()).isEqualTo(11000));
          });
    }
    assertThat(collection.countDocuments()).isEqualTo(1 + 1 + 2);
  }

  /**
   * Of three upserts, the second a duplicate of a unique key: an ordered update stops there (1 counted, the third not
   * run), an unordered one goes on (2), each with the one write error at index 1. mongo-java-server went on when ordered.
   */
  @Test
  void anOrderedUpdateStopsAtItsFirstFailedStatementAndAnUnorderedOneGoesOn() {
    MongoDatabase database = client.getDatabase("test");
    MongoCollection<Document> collection = database.getCollection("unique_updates");
    collection.createIndex(new Document("k", 1), new com.mongodb.client.model.IndexOptions().unique(true));
    collection.insertOne(new Document("_id", "taken").append("k", 1));

    for (boolean ordered : new boolean[] {true, false}) {
      Document update = new Document("update", "unique_updates").append("ordered", ordered).append("updates", List.of(
          new Document("q", new Document("_id", "a" + ordered)).append("u", new Document("$set", new Document("k", "a" + ordered))).append("upsert", true),
          new Document("q", new Document("_id", "b" + ordered)).append("u", new Document("$set", new Document("k", 1))).append("upsert", true),
          new Document("q", new Document("_id", "c" + ordered)).append("u", new Document("$set", new Document("k", "c" + ordered))).append("upsert", true)));
      Document reply = database.runCommand(update);
      assertThat(reply.get("n", Number.class).intValue()).as("n, ordered %s", ordered).isEqualTo(ordered ? 1 : 2);
      assertThat(reply.getList("writeErrors", Document.class)).as("ordered %s", ordered).singleElement().satisfies(error -> {
        assertThat(error.get("index", Number.class).intValue()).isEqualTo(1);
        assertThat(error.get("code", Number.class).intValue()).isEqualTo(11000);
      });
      assertThat(collection.countDocuments(new Document("_id", "c" + ordered))).as("third, ordered %s", ordered)
          .isEqualTo(ordered ? 0 : 1);
    }
  }

  /** An unordered delete goes on past a statement that failed (a bad operator); an ordered one stops there. */
  @Test
  void anUnorderedDeleteGoesOnPastAFailedStatement() {
    MongoDatabase database = client.getDatabase("test");
    for (boolean ordered : new boolean[] {true, false}) {
      MongoCollection<Document> collection = database.getCollection("deletes_" + ordered);
      collection.insertMany(List.of(new Document("_id", 1), new Document("_id", 2)));
      Document delete = new Document("delete", "deletes_" + ordered).append("ordered", ordered).append("deletes", List.of(
          new Document("q", new Document("_id", 1)).append("limit", 0),
          new Document("q", new Document("_id", new Document("$nosuch", 1))).append("limit", 0),
          new Document("q", new Document("_id", 2)).append("limit", 0)));
      Document reply = database.runCommand(delete);
      assertThat(reply.get("n", Number.class).intValue()).as("n, ordered %s", ordered).isEqualTo(ordered ? 1 : 2);
      assertThat(reply.getList("writeErrors", Document.class)).as("ordered %s", ordered).singleElement()
          .satisfies(error -> assertThat(error.get("index", Number.class).intValue()).isEqualTo(1));
    }
  }

  /**
   * An insert sent without {@code ordered}, or with it null, is ordered, as mongod's flag defaults to true: of three
   * documents, the second a duplicate, one is inserted. mongo-java-server read either as false and inserted two.
   */
  @Test
  void anInsertWithoutOrderedOrWithItNullStopsAtItsFirstError() {
    MongoDatabase database = client.getDatabase("test");
    database.getCollection("unflagged").insertOne(new Document("_id", "taken"));

    for (String how : List.of("left out", "null")) {
      Document insert = new Document("insert", "unflagged").append("documents",
          List.of(new Document("_id", "a " + how), new Document("_id", "taken"), new Document("_id", "b " + how)));
      if (how.equals("null")) {
        insert.append("ordered", null);
      }
      Document reply = database.runCommand(insert);
      assertThat(reply.get("n", Number.class).intValue()).as("inserted, ordered %s", how).isEqualTo(1);
      assertThat(reply.getList("writeErrors", Document.class)).as(how).singleElement()
          .satisfies(error -> assertThat(error.get("code", Number.class).intValue()).isEqualTo(11000));
    }
    assertThat(database.getCollection("unflagged").countDocuments()).isEqualTo(1 + 1 + 1);
  }

  /**
   * {@code findAndModify}'s {@code lastErrorObject} in each of its cases, as mongod 7.0 answers: mongo-java-server gave it
   * only when an update found a document.
   */
  @Test
  void findAndModifyAnswersItsLastErrorObjectAsMongodDoes() {
    var database = client.getDatabase("test");
    database.getCollection("counters").insertOne(new Document("_id", "taken").append("n", 1));
    Document increment = new Document("$inc", new Document("n", 1));

    Document updated = database.runCommand(findAndModify(new Document("_id", "taken")).append("update", increment));
    assertThat(updated.get("lastErrorObject")).isEqualTo(new Document("n", 1).append("updatedExisting", true));
    assertThat(updated.get("value")).isEqualTo(new Document("_id", "taken").append("n", 1));

    Document missed = database.runCommand(findAndModify(new Document("_id", "absent")).append("update", increment));
    assertThat(missed.get("lastErrorObject")).isEqualTo(new Document("n", 0).append("updatedExisting", false));
    assertThat(missed).containsEntry("value", null);

    Document upsertedOld = database.runCommand(findAndModify(new Document("_id", "fresh")).append("update", increment)
        .append("upsert", true));
    assertThat(upsertedOld.get("lastErrorObject"))
        .isEqualTo(new Document("n", 1).append("updatedExisting", false).append("upserted", "fresh"));
    assertThat(upsertedOld).as("the old document, which was none").containsEntry("value", null);

    Document upsertedNew = database.runCommand(findAndModify(new Document("name", "made")).append("update", increment)
        .append("upsert", true).append("new", true).append("fields", new Document("_id", 0)));
    Document lastError = upsertedNew.get("lastErrorObject", Document.class);
    assertThat(lastError.get("upserted")).as("the id the server made").isInstanceOf(ObjectId.class);
    assertThat(upsertedNew.get("value")).as("projected as asked").isEqualTo(new Document("name", "made").append("n", 1));
    assertThat(database.getCollection("counters").find(Filters.eq("_id", lastError.get("upserted"))).first()).isNotNull();

    Document removed = database.runCommand(findAndModify(new Document("_id", "taken")).append("remove", true));
    assertThat(removed.get("lastErrorObject")).isEqualTo(new Document("n", 1));
    Document removedNone = database.runCommand(findAndModify(new Document("_id", "taken")).append("remove", true));
    assertThat(removedNone.get("lastErrorObject")).isEqualTo(new Document("n", 0));
    assertThat(List.copyOf(removedNone.keySet())).as("mongod's order").containsExactly("lastErrorObject", "value", "ok");
  }

  /**
   * mongo-java-server failed a removal that also upserts with a Java NullPointerException and no code ("Unknown error"),
   * removed and answered where mongod refuses remove with new, an update or arrayFilters, and took any value for a flag,
   * inserting for an upsert of "x" while its reply said nothing was.
   */
  @Test
  void findAndModifyRefusesWhatMongodRefusesWithItsCodesAndMessages() {
    var database = client.getDatabase("test");
    database.getCollection("counters").insertOne(new Document("_id", "taken"));
    Document increment = new Document("$inc", new Document("n", 1));

    assertRefused(database, findAndModify(new Document("_id", "absent")).append("remove", true).append("upsert", true),
        9, "Cannot specify both upsert=true and remove=true ");
    assertRefused(database, findAndModify(new Document("_id", "taken")).append("remove", true).append("new", 1),
        9, "Cannot specify both new=true and remove=true; 'remove' always returns the deleted document");
    assertRefused(database, findAndModify(new Document("_id", "taken")).append("remove", true).append("update", increment),
        9, "Cannot specify both an update and remove=true");
    assertRefused(database, findAndModify(new Document("_id", "taken")).append("remove", true)
        .append("arrayFilters", List.of(new Document("e", 1))), 9, "Cannot specify arrayFilters and remove=true");
    assertRefused(database, findAndModify(new Document("_id", "taken")).append("remove", false),
        9, "Either an update or remove=true must be specified");
    assertRefused(database, findAndModify(new Document("q", "x")).append("update", increment).append("upsert", "x"),
        14, "BSON field 'findAndModify.upsert' is the wrong type 'string', expected types '[bool, long, int, decimal, double']");
    assertRefused(database, findAndModify(new Document("_id", "taken")).append("update", 5),
        9, "Update argument must be either an object or an array");
    assertRefused(database, findAndModify(new Document("_id", "taken")).append("update", increment).append("arrayFilters", "x"),
        14, "BSON field 'findAndModify.arrayFilters' is the wrong type 'string', expected type 'array'");
    assertThat(database.getCollection("counters").countDocuments()).as("nothing removed or inserted").isEqualTo(1);

    Document byNumber = database.runCommand(findAndModify(new Document("q", 1)).append("update", increment)
        .append("upsert", 1).append("new", 1.0));
    assertThat(byNumber.get("lastErrorObject", Document.class)).as("flags sent as numbers")
        .containsEntry("n", 1).containsEntry("updatedExisting", false);
    assertThat(byNumber.get("value", Document.class)).containsEntry("q", 1).containsEntry("n", 1);
  }

  /**
   * An update given as a pipeline, which mongod 7.0 runs and mongo-java-server cannot (it failed with a Java cast error
   * and no code), is refused with code 238 NotImplemented before anything is written, in findAndModify and in an update
   * whose other statement alone would have run.
   */
  @Test
  void anUpdateGivenAsAPipelineIsRefusedWithCode238AndNothingWritten() {
    MongoCollection<Document> counters = client.getDatabase("test").getCollection("counters");
    counters.insertOne(new Document("_id", "taken").append("n", 1));
    List<Document> pipeline = List.of(new Document("$set", new Document("n", new Document("$add", List.of("$n", 1)))));

    assertThatThrownBy(() -> counters.findOneAndUpdate(Filters.eq("_id", "taken"), pipeline))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertNotImplemented(e, "findAndModify"));
    assertThatThrownBy(() -> counters.bulkWrite(List.of(new UpdateOneModel<>(Filters.eq("_id", "taken"), Updates.inc("n", 1)),
        new UpdateOneModel<Document>(Filters.eq("_id", "taken"), pipeline))))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertNotImplemented(e, "update"));
    assertThat(sent).as("both statements in one update command").anySatisfy(command ->
        assertThat(command.getArray("updates", new BsonArray())).hasSize(2));
    assertThat(counters.find().first()).as("nothing written").containsEntry("n", 1);
  }

  /**
   * explain and a capped collection, which mongod runs and mongo-java-server cannot, are refused with 238 and what to do
   * instead: explain was answered 59 "no such command", a capped collection refused without a code.
   */
  @Test
  void explainAndACappedCollectionAreRefusedWith238() {
    MongoDatabase database = client.getDatabase("test");

    assertThatThrownBy(() -> database.getCollection("orders").find().explain())
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(238);
          assertThat(e.getErrorMessage()).contains("does not run explain").contains("target=container or target=uri");
        });
    // An aggregate's explain flag, which mongo-java-server passed over: it ran the pipeline.
    assertThatThrownBy(() -> database.runCommand(new Document("aggregate", "orders").append("pipeline", List.of())
        .append("cursor", new Document()).append("explain", true)))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(238));
    assertThatThrownBy(() -> database.createCollection("recent", new CreateCollectionOptions().capped(true).sizeInBytes(4096)))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(238);
          assertThat(e.getErrorMessage()).contains("does not make a capped collection").contains("leave capped out");
        });
    database.createCollection("recent");
    assertThat(database.listCollectionNames().into(new ArrayList<>())).as("an ordinary collection is made").contains("recent");
  }

  private static void assertNotImplemented(MongoCommandException e, String command) {
    assertThat(e.getErrorCode()).isEqualTo(238);
    assertThat(e.getErrorCodeName()).isEqualTo("NotImplemented");
    assertThat(e.getErrorMessage()).contains("in " + command + ",").contains("pipeline").contains("({$set: ...})");
  }

  /** mongod 7.0's error replies have no legacy $err, which mongo-java-server put beside errmsg in every one. */
  @Test
  void anErrorReplyHasMongodsFieldsAndNoLegacyErr() {
    MongoDatabase database = client.getDatabase("test");

    assertThatThrownBy(() -> database.runCommand(new Document("distinct", "items").append("key", 1)))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getResponse().keySet())
            .containsExactlyInAnyOrder("ok", "errmsg", "code", "codeName"));
    assertThatThrownBy(() -> database.runCommand(new Document("noSuchCommand", 1)))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getResponse()).doesNotContainKey("$err")
            .containsKey("errmsg"));
  }

  private static void assertRefused(MongoDatabase database, Document command, int code, String message) {
    assertThatThrownBy(() -> database.runCommand(command)).as("%s", command)
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(code);
          assertThat(e.getErrorMessage()).isEqualTo(message);
        });
  }

  private static Document findAndModify(Document query) {
    return new Document("findAndModify", "counters").append("query", query);
  }

  private static long sizeOf(List<Document> databases, String name) {
    return databases.stream().filter(d -> d.getString("name").equals(name)).findFirst().orElseThrow()
        .get("sizeOnDisk", Number.class).longValue();
  }

  @Test
  void aWritesListOfStatementsIsRefusedAsMongodRefusesItAndNothingIsWritten() {
    assertWriteRefused(new Document("insert", "orders"), 40414, "BSON field 'insert.documents' is missing but a required field");
    assertWriteRefused(new Document("update", "orders").append("updates", null), 40414,
        "BSON field 'update.updates' is missing but a required field");
    assertWriteRefused(new Document("delete", "orders").append("deletes", "x"), 14,
        "BSON field 'delete.deletes' is the wrong type 'string', expected type 'array'");
    assertWriteRefused(new Document("insert", "orders").append("documents", List.of(new Document("_id", 1), 2)), 14,
        "BSON field 'insert.documents.1' is the wrong type 'int', expected type 'object'");
    assertWriteRefused(new Document("insert", "orders").append("documents", List.of()), 16,
        "Write batch sizes must be between 1 and 100000. Got 0 operations.");

    assertThat(client.getDatabase("test").getCollection("orders").countDocuments()).as("documents written by the refused commands").isZero();
  }

  /**
   * An update's and a delete's statements as mongod's write parser reads them. Before, each refusal here was a Java cast
   * error or NullPointerException with no code, a delete's limit of 2 deleted two documents, and a limit that is not a
   * number failed where mongod reads it as 0 (every match).
   */
  @Test
  void anUpdatesOrADeletesStatementIsReadAsMongodsWriteParserReadsIt() {
    MongoCollection<Document> orders = client.getDatabase("test").getCollection("orders");
    orders.insertMany(List.of(new Document("_id", 1).append("open", true), new Document("_id", 2).append("open", true),
        new Document("_id", 3).append("open", true)));
    Document open = new Document("open", true);
    Document close = new Document("$set", new Document("open", false));

    assertWriteRefused(update(new Document("u", close)), 40414, "BSON field 'update.updates.q' is missing but a required field");
    assertWriteRefused(update(new Document("q", "x").append("u", close)), 14,
        "BSON field 'update.updates.q' is the wrong type 'string', expected type 'object'");
    assertWriteRefused(update(new Document("q", open)), 40414, "BSON field 'update.updates.u' is missing but a required field");
    assertWriteRefused(update(new Document("q", open).append("u", 5)), 9, "Update argument must be either an object or an array");
    assertWriteRefused(update(new Document("q", open).append("u", close).append("arrayFilters", 5)), 14,
        "BSON field 'update.updates.arrayFilters' is the wrong type 'int', expected type 'array'");
    assertWriteRefused(delete(new Document("q", open)), 40414, "BSON field 'delete.deletes.limit' is missing but a required field");
    assertWriteRefused(delete(new Document("q", null).append("limit", 1)), 40414,
        "BSON field 'delete.deletes.q' is missing but a required field");
    assertWriteRefused(delete(new Document("q", open).append("limit", 2)), 9, "The limit field in delete objects must be 0 or 1. Got 2");
    assertWriteRefused(delete(new Document("q", open).append("limit", 0.5)), 9,
        "The limit field in delete objects must be 0 or 1. Got 0.5");
    assertThat(orders.countDocuments(open)).as("documents left open by the refused writes").isEqualTo(3);

    Document updated = client.getDatabase("test").runCommand(update(new Document("q", new Document("_id", 1)).append("u", close)
        .append("arrayFilters", null)));
    assertThat(updated.get("nModified", Number.class).intValue()).as("an update whose arrayFilters is null").isEqualTo(1);
    Document deleted = client.getDatabase("test").runCommand(delete(new Document("q", open).append("limit", "x")));
    assertThat(deleted.get("n", Number.class).intValue()).as("a delete whose limit is a string deletes every match").isEqualTo(2);
  }

  private static Document update(Document statement) {
    return new Document("update", "orders").append("updates", List.of(statement));
  }

  private static Document delete(Document statement) {
    return new Document("delete", "orders").append("deletes", List.of(statement));
  }

  /**
   * mongod 7.0 runs some commands against the admin database alone, and has no longer some that mongo-java-server still
   * answers. Before, the first were "no such command" (59) outside admin, and getLastError answered ok on admin and
   * "unknown subcommand: lsid" with no code elsewhere.
   */
  @Test
  void anAdminCommandElsewhereAndACommandMongodNoLongerHasAreRefusedAsMongodRefusesThem() {
    MongoDatabase test = client.getDatabase("test");
    for (String command : List.of("listDatabases", "replSetGetStatus", "getCmdLineOpts")) {
      assertRefused(test, new Document(command, 1), 13, command + " may only be run against the admin database.");
    }
    for (String command : List.of("getLastError", "resetError")) {
      assertRefused(test, new Document(command, 1), 59, "no such command: '" + command + "'");
      assertRefused(client.getDatabase("admin"), new Document(command, 1), 59, "no such command: '" + command + "'");
    }
    assertThat(client.getDatabase("admin").runCommand(new Document("listDatabases", 1)).getDouble("ok")).isEqualTo(1.0);
  }

  /**
   * An empty document sequence closed the connection: mongo-java-server's decoder read a document from it regardless.
   * Now the write is refused as mongod refuses it, and the same connection takes the next request, a sequence of one.
   */
  @Test
  void anEmptyDocumentSequenceIsAnEmptyWriteAndTheConnectionStays() throws IOException {
    try (Socket socket = new Socket(driver.server.endpoint().getAddress(), driver.server.endpoint().getPort())) {
      socket.setSoTimeout(10_000);
      BsonDocument insert = new BsonDocument("insert", new BsonString("orders")).append("$db", new BsonString("test"));

      socket.getOutputStream().write(message(1, insert, "documents", List.of(), true));
      BsonDocument refused = reply(socket.getInputStream());
      socket.getOutputStream().write(message(2, insert, "documents", List.of(new BsonDocument("_id", new BsonInt32(7))), false));
      BsonDocument inserted = reply(socket.getInputStream());

      assertThat(refused.getNumber("code").intValue()).as("%s", refused).isEqualTo(16);
      assertThat(refused.getString("codeName").getValue()).isEqualTo("InvalidLength");
      assertThat(inserted.getNumber("n").intValue()).as("%s", inserted).isEqualTo(1);
    }
    assertThat(client.getDatabase("test").getCollection("orders").find().into(new ArrayList<>())).containsExactly(new Document("_id", 7));
  }

  private void assertWriteRefused(Document command, int code, String message) {
    assertThatThrownBy(() -> client.getDatabase("test").runCommand(command)).as("%s", command)
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(code);
          assertThat(e.getErrorMessage()).isEqualTo(message);
        });
  }

  /** An OP_MSG: the command's body, then a document sequence named {@code name}, and a checksum (any value) if asked. */
  private static byte[] message(int requestId, BsonDocument body, String name, List<BsonDocument> sequence, boolean checksum)
      throws IOException {
    ByteArrayOutputStream sections = new ByteArrayOutputStream();
    sections.write(0);
    sections.write(bson(body));
    ByteArrayOutputStream documents = new ByteArrayOutputStream();
    for (BsonDocument document : sequence) {
      documents.write(bson(document));
    }
    byte[] identifier = (name + "\0").getBytes(StandardCharsets.US_ASCII);
    sections.write(1);
    sections.write(intLE(4 + identifier.length + documents.size()));
    sections.write(identifier);
    sections.write(documents.toByteArray());
    int length = 16 + 4 + sections.size() + (checksum ? 4 : 0);
    ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(length).putInt(requestId).putInt(0).putInt(OP_MSG).putInt(checksum ? CHECKSUM_PRESENT : 0).put(sections.toByteArray());
    if (checksum) {
      out.putInt(0x5eed);
    }
    return out.array();
  }

  /** The body of the next OP_MSG reply. */
  private static BsonDocument reply(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    byte[] header = new byte[4];
    data.readFully(header);
    int length = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt();
    byte[] rest = new byte[length - 4];
    data.readFully(rest);
    ByteBuffer message = ByteBuffer.wrap(rest).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(message.getInt(8)).as("the reply's opCode").isEqualTo(OP_MSG);
    message.position(12 + 4 + 1); // requestID, responseTo, opCode, flagBits, the body's kind
    return new BsonDocumentCodec().decode(new BsonBinaryReader(message.slice().order(ByteOrder.LITTLE_ENDIAN)),
        DecoderContext.builder().build());
  }

  private static byte[] bson(BsonDocument document) {
    BasicOutputBuffer buffer = new BasicOutputBuffer();
    new BsonDocumentCodec().encode(new BsonBinaryWriter(buffer), document, EncoderContext.builder().build());
    return buffer.toByteArray();
  }

  private static byte[] intLE(int value) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
  }
}
