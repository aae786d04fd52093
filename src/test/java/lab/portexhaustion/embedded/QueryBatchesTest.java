package lab.portexhaustion.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A query's documents in mongod's batches: 101 in a find's or an aggregate's first batch unless the client asks for
 * another size, then as many as asked or as fit in 16 MiB; a result larger than a reply may be read whole. The real
 * Java driver on a real socket, each reply's batch watched.
 */
class QueryBatchesTest {

  @AutoClose
  private final WatchedDriver driver = WatchedDriver.start();
  private final List<BsonDocument> replies = driver.cursorReplies;
  private final MongoDatabase database = driver.client.getDatabase("test");

  @Test
  void aFindAndAnAggregateSend101DocumentsFirstThenTheRestOnGetMore() {
    MongoCollection<Document> items = itemsOf(300, 10);

    assertThat(items.find().into(new ArrayList<>())).hasSize(300);
    assertThat(batchSizes()).containsExactly(101, 199);

    replies.clear();
    assertThat(items.aggregate(List.of(Aggregates.sort(Sorts.descending("_id")))).into(new ArrayList<>())).hasSize(300);
    assertThat(batchSizes()).containsExactly(101, 199);
  }

  @Test
  void theBatchSizeAskedForIsKeptByAFindAnAggregateAndTheirGetMores() {
    MongoCollection<Document> items = itemsOf(10, 10);

    assertThat(items.find().batchSize(4).into(new ArrayList<>())).hasSize(10);
    assertThat(batchSizes()).containsExactly(4, 4, 2);

    replies.clear();
    assertThat(items.aggregate(List.of(Aggregates.match(new Document()))).batchSize(3).into(new ArrayList<>())).hasSize(10);
    assertThat(batchSizes()).containsExactly(3, 3, 3, 1);
  }

  @Test
  void aGetMoreThatAsksForNoSizeGetsTheRestAndABatchSizeOf0AnEmptyFirstBatch() {
    itemsOf(5, 10);

    Document first = database.runCommand(new Document("find", "items").append("batchSize", 0));
    Document firstCursor = first.get("cursor", Document.class);
    assertThat(firstCursor.getList("firstBatch", Document.class)).isEmpty();
    Document rest = database.runCommand(new Document("getMore", firstCursor.getLong("id")).append("collection", "items"));
    assertThat(rest.get("cursor", Document.class).getList("nextBatch", Document.class)).hasSize(5);
    assertThat(rest.get("cursor", Document.class).getLong("id")).as("the cursor, emptied, is closed").isZero();
  }

  @Test
  void aSingleBatchClosesItsCursor() {
    itemsOf(5, 10);

    Document reply = database.runCommand(new Document("find", "items").append("batchSize", 2).append("singleBatch", true));

    assertThat(reply.get("cursor", Document.class).getList("firstBatch", Document.class)).hasSize(2);
    assertThat(reply.get("cursor", Document.class).getLong("id")).isZero();
  }

  /**
   * 40 documents of 1.5 MiB, 60 MiB: in one reply they were more than the 48,000,000 bytes the handshake announces, and
   * the driver refused the reply ("The reply message length ... is greater than the maximum message length").
   */
  @Test
  void aResultLargerThanOneReplyIsReadWholeIn16MiBBatches() {
    MongoCollection<Document> items = itemsOf(40, 1536 * 1024);

    assertThat(items.find().into(new ArrayList<>())).hasSize(40);

    assertThat(batchSizes()).containsExactly(10, 10, 10, 10);
  }

  /** mongo-java-server read a negative count as no count at all: a limit of -3 gave all 5 documents, a skip of -1 skipped none. */
  @Test
  void aNegativeLimitOrBatchSizeIsRefusedWithMongodsError() {
    itemsOf(5, 10);
    long open = database.runCommand(new Document("find", "items").append("batchSize", 2)).get("cursor", Document.class).getLong("id");

    for (Document command : List.of(new Document("find", "items").append("limit", -3),
        new Document("find", "items").append("skip", -1),
        new Document("find", "items").append("batchSize", -1L),
        new Document("getMore", open).append("collection", "items").append("batchSize", -1),
        new Document("aggregate", "items").append("pipeline", List.of()).append("cursor", new Document("batchSize", -1)))) {
      String field = command.containsKey("limit") ? "limit" : command.containsKey("skip") ? "skip" : "batchSize";
      String value = field.equals("limit") ? "-3" : "-1";
      assertThatThrownBy(() -> database.runCommand(command)).as(command.toJson())
          .isInstanceOfSatisfying(MongoCommandException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(51024);
            assertThat(e.getErrorMessage()).isEqualTo("BSON field '" + field + "' value must be >= 0, actual value '" + value + "'");
          });
    }
    assertThat(database.runCommand(new Document("getMore", open).append("collection", "items"))
        .get("cursor", Document.class).getList("nextBatch", Document.class)).as("the cursor, kept").hasSize(3);
  }

  /**
   * mongod's parser reads these counts as numbers alone (code 14, naming the field as its parser does: the find command's
   * struct, getMore, an aggregate's cursor option); mongo-java-server failed a find's and a getMore's with a Java cast
   * error and no code, and ignored an aggregate's.
   */
  @Test
  void aLimitOrBatchSizeThatIsNotANumberIsRefusedWithCode14() {
    itemsOf(5, 10);
    long open = database.runCommand(new Document("find", "items").append("batchSize", 2)).get("cursor", Document.class).getLong("id");

    assertNotANumber(new Document("find", "items").append("limit", "2"), "FindCommandRequest.limit", "string");
    assertNotANumber(new Document("find", "items").append("batchSize", true), "FindCommandRequest.batchSize", "bool");
    assertNotANumber(new Document("find", "items").append("skip", new Document()), "FindCommandRequest.skip", "object");
    assertNotANumber(new Document("getMore", open).append("collection", "items").append("batchSize", "2"), "getMore.batchSize", "string");
    assertNotANumber(new Document("aggregate", "items").append("pipeline", List.of()).append("cursor", new Document("batchSize", "2")),
        "cursor.batchSize", "string");
    assertThat(database.runCommand(new Document("find", "items").append("batchSize", 1.9)).get("cursor", Document.class)
        .getList("firstBatch", Document.class)).as("a fraction is cut off, as mongod cuts it").hasSize(1);
  }

  private void assertNotANumber(Document command, String path, String type) {
    assertThatThrownBy(() -> database.runCommand(command)).as(command.toJson())
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(14);
          assertThat(e.getErrorCodeName()).isEqualTo("TypeMismatch");
          assertThat(e.getErrorMessage())
              .isEqualTo("BSON field '" + path + "' is the wrong type '" + type + "', expected types '[long, int, decimal, double']");
        });
  }

  /**
   * mongod's count parser refuses, with code 2, a limit or skip that is not a number and a limit of Long.MIN_VALUE, whose
   * absolute value (the count it would mean) does not fit 64 bits; mongo-java-server failed the first with a Java cast
   * error and counted every document for the second.
   */
  @Test
  void aCountsLimitOfLongMinValueOrNotANumberIsRefusedWithMongodsBadValue() {
    itemsOf(5, 10);

    for (Document command : List.of(new Document("count", "items").append("limit", Long.MIN_VALUE),
        new Document("count", "items").append("limit", "2"), new Document("count", "items").append("skip", "2"))) {
      String message = command.get("limit") instanceof Long ? "limit value for count cannot be min long"
          : command.containsKey("limit") ? "limit value is not a valid number" : "skip value is not a valid number";
      assertThatThrownBy(() -> database.runCommand(command)).as(command.toJson())
          .isInstanceOfSatisfying(MongoCommandException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(2);
            assertThat(e.getErrorCodeName()).isEqualTo("BadValue");
            assertThat(e.getErrorMessage()).isEqualTo(message);
          });
    }
    assertThatThrownBy(() -> database.runCommand(new Document("count", "items").append("limit", 2.5)))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(9);
          assertThat(e.getErrorMessage()).isEqualTo("Expected an integer: limit: 2.5");
        });
    assertThat(database.runCommand(new Document("count", "items").append("limit", Long.MIN_VALUE + 1)).get("n", Number.class).intValue())
        .as("the next one up is a count of every document").isEqualTo(5);
  }

  /**
   * mongod reads a count's limit and skip as whole 64-bit numbers: a double outside that range, a NaN, or a decimal that
   * has no exact long (a fraction, NaN) is refused with code 9, the value printed as mongod prints it. Before, a limit of
   * 1e19 was clamped to Long.MAX_VALUE and counted every document, -1e19 was refused as "min long" (code 2), a decimal's
   * fraction was cut off and a NaN read as 0.
   */
  @Test
  void aCountsLimitOrSkipThatIsNoWhole64BitNumberIsRefusedWithMongodsFailedToParse() {
    itemsOf(5, 10);

    Map<Object, String> refused = new LinkedHashMap<>();
    refused.put(1e19, "Cannot represent as a 64-bit integer: limit: 1e+19.0");
    refused.put(-1e19, "Cannot represent as a 64-bit integer: limit: -1e+19.0");
    refused.put(0x1p63, "Cannot represent as a 64-bit integer: limit: 9.223372036854776e+18");
    refused.put(Double.NaN, "Expected an integer, but found NaN in: limit: nan.0");
    refused.put(Decimal128.parse("2.5"), "Cannot represent as a 64-bit integer: limit: 2.5");
    refused.put(Decimal128.parse("1E+19"), "Cannot represent as a 64-bit integer: limit: 1E+19");
    refused.put(Decimal128.NaN, "Cannot represent as a 64-bit integer: limit: NaN");
    refused.forEach((limit, message) ->
        assertThatThrownBy(() -> database.runCommand(new Document("count", "items").append("limit", limit))).as("limit %s", limit)
            .isInstanceOfSatisfying(MongoCommandException.class, e -> {
              assertThat(e.getErrorCode()).isEqualTo(9);
              assertThat(e.getErrorCodeName()).isEqualTo("FailedToParse");
              assertThat(e.getErrorMessage()).isEqualTo(message);
            }));
    assertThatThrownBy(() -> database.runCommand(new Document("count", "items").append("skip", -1.0)))
        .isInstanceOfSatisfying(MongoCommandException.class,
            e -> assertThat(e.getErrorMessage()).isEqualTo("Expected a non-negative number in: skip: -1.0"));
    assertThatThrownBy(() -> database.runCommand(new Document("count", "items").append("limit", Decimal128.parse("-9223372036854775808"))))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(2);
          assertThat(e.getErrorMessage()).isEqualTo("limit value for count cannot be min long");
        });
    assertThat(database.runCommand(new Document("count", "items").append("limit", Decimal128.parse("-3"))).get("n", Number.class).intValue())
        .as("a whole decimal is taken").isEqualTo(3);
  }

  /**
   * A null is no value to mongod's generated parsers only for a field of a declared BSON type, a find's limit, skip and
   * batchSize among them; a count's limit and skip are read by the count parser's own code, which finds no number in a
   * null and refuses it with code 2. Before, a count's null limit or skip was taken as none and every document counted,
   * and a find's null limit, skip, batchSize or filter, a distinct's or a findAndModify's null query, failed with a Java
   * NullPointerException and no code (-1, "Unknown error: Cannot invoke ...").
   */
  @Test
  void aNullCountsAsNoValueInAFindOrADistinctButACountRefusesIt() {
    itemsOf(5, 10);

    for (String field : List.of("limit", "skip", "batchSize")) {
      Document find = new Document("find", "items").append(field, null);
      assertThat(database.runCommand(find).get("cursor", Document.class).getList("firstBatch", Document.class)).as(field)
          .hasSize(5);
    }
    assertThat(database.runCommand(new Document("distinct", "items").append("key", "_id").append("query", null))
        .getList("values", Object.class)).hasSize(5);
    // A findAndModify's null query is none too: it removes the first document of all.
    assertThat(database.runCommand(new Document("findAndModify", "items").append("query", null).append("sort", null)
        .append("fields", null).append("remove", true)).get("lastErrorObject", Document.class).getInteger("n")).isEqualTo(1);
    for (String field : List.of("limit", "skip")) {
      assertThatThrownBy(() -> database.runCommand(new Document("count", "items").append(field, null))).as(field)
          .isInstanceOfSatisfying(MongoCommandException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(2);
            assertThat(e.getErrorCodeName()).isEqualTo("BadValue");
            assertThat(e.getErrorMessage()).isEqualTo(field + " value is not a valid number");
          });
    }
  }

  /**
   * mongod's count parser is strict: a field that is neither its own nor one every command takes is refused with 40415.
   * Before, a misspelt limit was passed over and every document counted.
   */
  @Test
  void aCountsUnknownFieldIsRefusedWith40415AndItsOwnAndEveryCommandsAreTaken() {
    itemsOf(5, 10);

    assertThatThrownBy(() -> database.runCommand(new Document("count", "items").append("limt", 2)))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(40415);
          assertThat(e.getErrorMessage()).isEqualTo("BSON field 'count.limt' is an unknown field.");
        });
    Document taken = new Document("count", "items").append("query", new Document()).append("fields", new Document())
        .append("limit", 3).append("comment", "c").append("maxTimeMS", 60_000).append("readConcern", new Document());
    assertThat(database.runCommand(taken).get("n", Number.class).intValue()).isEqualTo(3);
  }

  /** mongod's words for a cursor it does not hold (code 43 both); mongo-java-server said "Cursor id ... does not exist". */
  @Test
  void aGetMoreOfACursorThatIsNotThereIsRefusedInMongodsWords() {
    itemsOf(5, 10);
    long open = database.runCommand(new Document("find", "items").append("batchSize", 2)).get("cursor", Document.class).getLong("id");
    database.runCommand(new Document("killCursors", "items").append("cursors", List.of(open)));

    assertThatThrownBy(() -> database.runCommand(new Document("getMore", open).append("collection", "items")))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(43);
          assertThat(e.getErrorCodeName()).isEqualTo("CursorNotFound");
          assertThat(e.getErrorMessage()).isEqualTo("cursor id " + open + " not found");
        });
  }

  /**
   * A count's limit is its absolute value on mongod (PyMongo 3.11's {@code find().limit(-2).count(True)} sends -2), where
   * mongo-java-server counted everything; a negative or fractional skip is refused with code 9; a distinct key that is not a string with
   * 14, where mongo-java-server failed it with a Java cast error and no code.
   */
  @Test
  void aCountsNegativeLimitAndSkipAndADistinctKeyOfAnotherTypeAreTakenAsMongodTakesThem() {
    itemsOf(5, 10);

    assertThat(database.runCommand(new Document("count", "items").append("limit", -2)).get("n", Number.class).intValue())
        .isEqualTo(2);
    assertThat(database.runCommand(new Document("count", "items").append("limit", -2L).append("skip", 2))
        .get("n", Number.class).intValue()).isEqualTo(2);
    assertThatThrownBy(() -> database.runCommand(new Document("count", "items").append("skip", -1)))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(9);
          assertThat(e.getErrorMessage()).isEqualTo("Expected a non-negative number in: skip: -1");
        });
    assertThatThrownBy(() -> database.runCommand(new Document("count", "items").append("skip", 2.5)))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(9);
          assertThat(e.getErrorMessage()).isEqualTo("Expected an integer: skip: 2.5");
        });
    assertThatThrownBy(() -> database.runCommand(new Document("distinct", "items").append("key", 1)))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(14);
          assertThat(e.getErrorMessage()).isEqualTo("BSON field 'distinct.key' is the wrong type 'int', expected type 'string'");
        });
  }

  /**
   * A distinct without its key, or with a null one (mongod's parser skips a null, so the key is missing), is refused
   * with 40414, where mongo-java-server failed it with a Java NullPointerException and no code.
   */
  @Test
  void aDistinctWithoutAKeyIsRefusedAsMissing() {
    itemsOf(5, 10);

    for (Document distinct : List.of(new Document("distinct", "items"), new Document("distinct", "items").append("key", null))) {
      assertThatThrownBy(() -> database.runCommand(distinct)).as(distinct.toJson())
          .isInstanceOfSatisfying(MongoCommandException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(40414);
            assertThat(e.getErrorMessage()).isEqualTo("BSON field 'distinct.key' is missing but a required field");
          });
    }
    assertThat(database.runCommand(new Document("distinct", "items").append("key", "_id")).getList("values", Object.class))
        .hasSize(5);
  }

  /**
   * A field whose type mongod's parser declares, given another, is refused with 14, a required one left out with 40414,
   * and a collection named by something else than a string with 2, where mongo-java-server failed with a Java cast error
   * or NullPointerException and no code.
   */
  @Test
  void aTypedFieldOfAnotherTypeOrARequiredOneLeftOutIsRefusedAsMongodRefusesIt() {
    itemsOf(5, 10);
    Object[][] refused = {
        {new Document("count", "items").append("query", "x"), 14, "BSON field 'count.query' is the wrong type 'string', expected type 'object'"},
        {new Document("distinct", "items").append("key", "_id").append("query", List.of()), 14,
            "BSON field 'distinct.query' is the wrong type 'array', expected type 'object'"},
        {new Document("findAndModify", "items").append("query", 1).append("remove", true), 14,
            "BSON field 'findAndModify.query' is the wrong type 'int', expected type 'object'"},
        {new Document("findAndModify", "items").append("sort", true).append("remove", true), 14,
            "BSON field 'findAndModify.sort' is the wrong type 'bool', expected type 'object'"},
        {new Document("getMore", 123L).append("collection", 5), 14, "BSON field 'getMore.collection' is the wrong type 'int', expected type 'string'"},
        {new Document("getMore", 123L), 40414, "BSON field 'getMore.collection' is missing but a required field"},
        {new Document("getMore", 123).append("collection", "items"), 14, "BSON field 'getMore.getMore' is the wrong type 'int', expected type 'long'"},
        {new Document("dropIndexes", "items"), 40414, "BSON field 'dropIndexes.index' is missing but a required field"},
        {new Document("killCursors", "items"), 40414, "BSON field 'killCursors.cursors' is missing but a required field"},
        {new Document("killCursors", "items").append("cursors", 5L), 14,
            "BSON field 'killCursors.cursors' is the wrong type 'long', expected type 'array'"},
        {new Document("createIndexes", "items"), 40414, "BSON field 'createIndexes.indexes' is missing but a required field"},
        {new Document("getMore", null).append("collection", "items"), 40414, "BSON field 'getMore.getMore' is missing but a required field"},
        {new Document("collStats", 5), 2, "collection name has invalid type int"},
        {new Document("create", null), 2, "collection name has invalid type null"},
        {new Document("find", 42), 2, "collection name has invalid type int"},
        {new Document("count", null), 2, "collection name has invalid type null"},
        {new Document("insert", List.of("items")).append("documents", List.of(new Document())), 2, "collection name has invalid type array"}};
    for (Object[] command : refused) {
      assertThatThrownBy(() -> database.runCommand((Document) command[0])).as(((Document) command[0]).toJson())
          .isInstanceOfSatisfying(MongoCommandException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(command[1]);
            assertThat(e.getErrorMessage()).isEqualTo(command[2]);
          });
    }
    assertThat(database.getCollection("items").countDocuments()).as("documents left by the refused removals").isEqualTo(5);
  }

  /** mongo-java-server's cursors know no collection: a getMore naming another one was given this one's documents. */
  @Test
  void aGetMoreNamingAnotherCollectionIsRefusedAndTheCursorKept() {
    itemsOf(5, 10);
    long open = database.runCommand(new Document("find", "items").append("batchSize", 2)).get("cursor", Document.class).getLong("id");

    assertThatThrownBy(() -> database.runCommand(new Document("getMore", open).append("collection", "orders")))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(13);
          assertThat(e.getErrorCodeName()).isEqualTo("Unauthorized");
          assertThat(e.getErrorMessage())
              .isEqualTo("Requested getMore on namespace 'test.orders', but cursor belongs to a different namespace test.items");
        });
    assertThat(database.runCommand(new Document("getMore", open).append("collection", "items").append("batchSize", 2))
        .get("cursor", Document.class).getList("nextBatch", Document.class)).hasSize(2);

    database.runCommand(new Document("killCursors", "items").append("cursors", List.of(open)));
    assertThatThrownBy(() -> database.runCommand(new Document("getMore", open).append("collection", "orders")))
        .as("a cursor killed is not found, whatever the collection named, as on mongod")
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(43));
  }

  /**
   * mongod takes a cursor id as an int64 only, which is how drivers send it; mongo-java-server failed an int32 with a
   * Java cast error and no code.
   */
  @Test
  void killCursorsTakesCursorIdsAsInt64sAndRefusesAnInt32AsMongodDoes() {
    itemsOf(5, 10);
    long open = database.runCommand(new Document("find", "items").append("batchSize", 2)).get("cursor", Document.class).getLong("id");

    assertThatThrownBy(() -> database.runCommand(new Document("killCursors", "items").append("cursors", List.of(open, (int) open))))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(14);
          assertThat(e.getErrorMessage()).isEqualTo("BSON field 'killCursors.cursors.1' is the wrong type 'int', expected type 'long'");
        });
    Document killed = database.runCommand(new Document("killCursors", "items").append("cursors", List.of(open)));
    assertThat(killed.getList("cursorsKilled", Long.class)).as("kept by the refused command, killed now").containsExactly(open);
  }

  /** {@code count} documents with ids 0.. and a string of {@code bytes} characters each. */
  private MongoCollection<Document> itemsOf(int count, int bytes) {
    MongoCollection<Document> items = database.getCollection("items");
    String filler = "x".repeat(bytes);
    IntStream.range(0, count).forEach(i -> items.insertOne(new Document("_id", i).append("filler", filler)));
    replies.clear();
    return items;
  }

  private List<Integer> batchSizes() {
    return replies.stream().map(reply -> reply.getDocument("cursor"))
        .map(cursor -> cursor.containsKey("firstBatch") ? cursor.getArray("firstBatch") : cursor.getArray("nextBatch"))
        .map(List::size).toList();
  }

  /**
   * mongod's find parser reads a find's documents with a reader of their own, which takes a document and nothing else,
   * a null included. Before, a filter, sort or projection of another type failed with a Java cast error and no code, a
   * null filter listed everything, and a collation, min, max or hint of another type was passed over.
   */
  @Test
  void aFindsDocumentOrHintOfAnotherTypeIsRefusedAsMongodsFindParserRefusesIt() {
    itemsOf(5, 10);
    Object[][] refused = {
        {"filter", "x", 14, "Expected field filterto be of type object"},
        {"filter", null, 14, "Expected field filterto be of type object"},
        {"sort", 1, 14, "Expected field sortto be of type object"},
        {"projection", List.of(), 14, "Expected field projectionto be of type object"},
        {"collation", 5, 14, "Expected field collationto be of type object"},
        {"max", true, 14, "Expected field maxto be of type object"},
        {"hint", 5, 9, "Hint must be a string or an object"},
        {"hint", null, 9, "Hint must be a string or an object"}};
    for (Object[] field : refused) {
      Document find = new Document("find", "items").append((String) field[0], field[1]);
      assertThatThrownBy(() -> database.runCommand(find)).as(find.toJson())
          .isInstanceOfSatisfying(MongoCommandException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(field[2]);
            assertThat(e.getErrorMessage()).isEqualTo(field[3]);
          });
    }
    assertThat(database.runCommand(new Document("find", "items").append("hint", "_id_").append("filter", new Document()))
        .get("cursor", Document.class).getList("firstBatch", Document.class)).hasSize(5);
  }

  /**
   * An aggregate's name and cursor go through the aggregate parser's own code. Before, {aggregate: 2} ran as
   * {aggregate: 1}, and a null name or a cursor of another type failed with a Java error and no code.
   */
  @Test
  void anAggregatesNameOrCursorOfAnotherKindIsRefusedInTheAggregateParsersWords() {
    itemsOf(5, 10);
    Object[][] refused = {
        {new Document("aggregate", 2).append("pipeline", List.of()).append("cursor", new Document()), 9,
            "Invalid command format: the 'aggregate' field must specify a collection name or 1"},
        {new Document("aggregate", null).append("pipeline", List.of()).append("cursor", new Document()), 14,
            "collection name has invalid type: null"},
        {new Document("aggregate", "items").append("pipeline", List.of()).append("cursor", "x"), 14,
            "cursor field must be missing or an object"},
        {new Document("aggregate", "items").append("pipeline", List.of()).append("cursor", null), 9,
            "The 'cursor' option is required, except for aggregate with the explain argument"}};
    for (Object[] command : refused) {
      assertThatThrownBy(() -> database.runCommand((Document) command[0])).as(((Document) command[0]).toJson())
          .isInstanceOfSatisfying(MongoCommandException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(command[1]);
            assertThat(e.getErrorMessage()).isEqualTo(command[2]);
          });
    }
    assertThat(database.getCollection("items").aggregate(List.of(Aggregates.match(new Document()))).into(new ArrayList<>()))
        .hasSize(5);
  }
}
