package lab.portexhaustion.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An aggregate's stages and a query's operators as mongod 7.0 takes or refuses them: a stage's specification of a kind
 * it does not take in the stage's own words, the other names of stages mongo-java-server runs, and what
 * mongo-java-server cannot run refused with 238 and the connection kept. The real Java driver on a real socket.
 */
class PipelinesAndOperatorsTest {

  @AutoClose
  private final WatchedDriver driver = WatchedDriver.start();
  private final MongoCollection<Document> items = driver.client.getDatabase("test").getCollection("items");

  @BeforeEach
  void threeLinkedItems() {
    items.insertMany(List.of(new Document("_id", 1).append("next", 2), new Document("_id", 2).append("next", 1),
        new Document("_id", 3).append("next", 3)));
  }

  /** Before, each of these was a Java cast error or NullPointerException with no code ("Unknown error: -1" for a limit of -1). */
  @Test
  void aStagesSpecificationOfAnotherKindIsRefusedInTheStagesOwnWords() {
    Object[][] refused = {
        {"$match", 5, 15959, "the match filter must be an expression in an object"},
        {"$sort", 1, 15973, "the $sort key specification must be an object"},
        {"$sort", new Document(), 15976, "$sort stage must have at least one sort key"},
        {"$group", "x", 15947, "a group's fields must be specified in an object"},
        {"$lookup", "x", 9, "the $lookup stage specification must be an object, but found string"},
        {"$count", "", 40157, "the count field must be a non-empty string"},
        {"$limit", -1, 5107201, "invalid argument to $limit stage: Expected a non-negative number in: $limit: -1"},
        {"$limit", 0, 15958, "the limit must be positive"},
        {"$limit", 2.5, 5107201, "invalid argument to $limit stage: Expected an integer: $limit: 2.5"},
        {"$skip", "x", 5107200, "invalid argument to $skip stage: Expected a number in: $skip: \"x\""},
        {"$addFields", 5, 40272, "$addFields specification stage must be an object, got int"},
        {"$out", 5, 16990, "$out only supports a string or object argument, but found int"},
        {"$merge", 5, 14, "$merge requires a string or object argument, but found int"},
        {"$replaceRoot", 5, 40229, "expected an object as specification for $replaceRoot stage, got int"},
        {"$facet", 5, 40169, "the $facet specification must be a non-empty object, but found: $facet: 5"},
        {"$bucket", 5, 40201, "Argument to $bucket stage must be an object, but found type: int."}};
    for (Object[] stage : refused) {
      // Sent as a command: the Java driver refuses some of these specifications itself, before sending them.
      Document aggregate = new Document("aggregate", "items").append("pipeline", List.of(new Document((String) stage[0], stage[1])))
          .append("cursor", new Document());
      assertThatThrownBy(() -> driver.client.getDatabase("test").runCommand(aggregate)).as("%s: %s", stage[0], stage[1])
          .isInstanceOfSatisfying(MongoCommandException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(stage[2]);
            assertThat(e.getErrorMessage()).isEqualTo(stage[3]);
          });
    }
    assertThat(items.aggregate(List.of(new Document("$skip", 1), new Document("$limit", 1L))).into(new ArrayList<>())).hasSize(1);
  }

  /** mongo-java-server knew only $addFields and $replaceRoot, and answered the other names 40324 "Unrecognized pipeline stage name". */
  @Test
  void setAndReplaceWithRunAsTheStagesTheyAreOtherNamesOf() {
    List<Document> set = items.aggregate(List.of(new Document("$match", new Document("_id", 1)),
        new Document("$set", new Document("seen", true)))).into(new ArrayList<>());
    List<Document> replaced = items.aggregate(List.of(new Document("$match", new Document("_id", 1)),
        new Document("$replaceWith", new Document("to", "$next")))).into(new ArrayList<>());

    assertThat(set).containsExactly(new Document("_id", 1).append("next", 2).append("seen", true));
    assertThat(replaced).containsExactly(new Document("to", 2));
  }

  /** The pipelines inside a $facet and a $lookup are stages too, read and refused as the outer one's. */
  @Test
  void theStagesOfAFacetsAndALookupsPipelinesAreReadAsTheOuterOnes() {
    Document facet = new Document("$facet", new Document("seen", List.of(new Document("$match", new Document("_id", 1)),
        new Document("$set", new Document("seen", true)))));
    Document lookup = new Document("$lookup", new Document("from", "items").append("as", "all")
        .append("pipeline", List.of(new Document("$limit", -1))));

    assertThat(items.aggregate(List.of(facet)).into(new ArrayList<>()))
        .containsExactly(new Document("seen", List.of(new Document("_id", 1).append("next", 2).append("seen", true))));
    assertThatThrownBy(() -> items.aggregate(List.of(lookup)).into(new ArrayList<>()))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(5107201));
    assertNotImplemented(() -> items.aggregate(List.of(new Document("$facet", new Document("all",
        List.of(new Document("$unionWith", "items")))))).into(new ArrayList<>()), "$unionWith stage");
  }

  /**
   * mongo-java-server answered a stage it does not know 40324, as if mongod had none, and a query operator it lacks
   * "unknown operator" (2); a $graphLookup over documents that link in a cycle recursed until a StackOverflowError,
   * on which it closed the connection (the driver took the server for gone).
   */
  @Test
  void whatMongoJavaServerCannotRunIsRefusedWith238AndTheConnectionStays() {
    assertNotImplemented(() -> items.aggregate(List.of(new Document("$unionWith", "items"))).into(new ArrayList<>()), "$unionWith stage");
    long connectionsBefore = connectionsMade();
    assertNotImplemented(() -> items.aggregate(List.of(new Document("$graphLookup", new Document("from", "items")
        .append("startWith", "$next").append("connectFromField", "next").append("connectToField", "_id").append("as", "chain"))))
        .into(new ArrayList<>()), "recursed without end");
    assertThat(connectionsMade()).as("connections made after the recursion: none, the one it ran on was kept").isEqualTo(connectionsBefore);
    assertNotImplemented(() -> items.find(Filters.where("true")).into(new ArrayList<>()), "query operator $where");
    assertNotImplemented(() -> items.countDocuments(Filters.near("loc", 0.0, 0.0, null, null)), "query operator $near");
    assertThatThrownBy(() -> items.deleteMany(Filters.where("true"))).isInstanceOfSatisfying(MongoWriteException.class, e -> {
      assertThat(e.getError().getCode()).isEqualTo(238);
      assertThat(e.getError().getMessage()).contains("query operator $where");
    });

    assertThat(items.countDocuments()).isEqualTo(3);
  }

  private long connectionsMade() {
    Document status = driver.client.getDatabase("admin").runCommand(new Document("serverStatus", 1));
    return status.get("connections", Document.class).get("totalCreated", Number.class).longValue();
  }

  private static void assertNotImplemented(Runnable command, String what) {
    assertThatThrownBy(command::run).isInstanceOfSatisfying(MongoCommandException.class, e -> {
      assertThat(e.getErrorCode()).isEqualTo(238);
      assertThat(e.getErrorCodeName()).isEqualTo("NotImplemented");
      assertThat(e.getErrorMessage()).contains(what).contains("target=container or target=uri");
    });
  }
}
