package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Arguments mongod 7.0's command parser refuses, refused here with its codes and messages before mongo-java-server sees
 * the command. Left to mongo-java-server, a negative {@code limit}, {@code skip} or {@code batchSize} read as none (a
 * {@code limit} of -3 gave every document), one that is not a number failed with a Java cast error and no code (an
 * {@code aggregate}'s {@code batchSize} was ignored), a {@code distinct} key of another type failed with a Java cast error (one left out with a NullPointerException), a
 * {@code filter} that is not a document listed everything, a listing's {@code nameOnly} of 1 was read as true and of "x"
 * as false (mongod takes a bool), and a cursor id sent as an int32 to {@code killCursors} failed with a Java cast error
 * and no code. mongod takes a cursor id only as an int64 (its ids never fit an int32, so drivers send one); a
 * {@code null} filter or flag counts as none, as there.
 */
final class CommandArguments {

  private static final Set<String> FIND_COUNTS = Set.of("limit", "skip", "batchSize");

  private static final Map<Class<?>, String> TYPE_NAMES = typeNames();

  private CommandArguments() {}

  /**
   * Refuses {@code query} when mongod's parser would: a {@code limit}, {@code skip} or {@code batchSize} of a
   * {@code find}, or a {@code batchSize} of a {@code getMore} or an {@code aggregate}'s cursor, that is not a number or is
   * negative; a {@code find}'s documents and hint ({@link FindDocuments}); what an {@code aggregate} names, its
   * cursor ({@link AggregateArguments}) and its stages ({@link PipelineStages}); a {@code count}'s {@code limit} or
   * {@code skip} it cannot read ({@link CountArguments}); a field of a declared type given another or left out where
   * required ({@link TypedFields}: a {@code distinct}'s key, a {@code count}'s query, ...); a {@code listCollections}
   * ({@link ListCollectionsArguments}) or {@code listDatabases} filter that is not a document or flag of another
   * type; a {@code killCursors} cursor id that is not an int64; a write's list of statements ({@link WriteBatches})
   * and an update's or a delete's statements ({@link WriteStatements}); a {@code createIndexes}' specifications
   * ({@link IndexSpecs}); then, for every command, a {@code maxTimeMS} mongod cannot use ({@link MaxTimeArgument}).
   *
   * @throws MongoServerError mongod's error for the first such argument: 51024, 2 BadValue, 9 FailedToParse, 14
   *     TypeMismatch, 16 InvalidLength, 40414, 40415, or a pipeline stage's own code
   */
  static void refuse(String command, Document query) {
    TypedFields.refuse(command, query);
    if (command.equalsIgnoreCase("find")) {
      FindDocuments.refuse(query);
      query.entrySet().stream().filter(field -> FIND_COUNTS.contains(field.getKey()))
          .forEach(field -> count("FindCommandRequest." + field.getKey(), field.getKey(), field.getValue()));
    } else if (command.equalsIgnoreCase("getMore")) {
      count("getMore.batchSize", "batchSize", query.get("batchSize"));
    } else if (command.equalsIgnoreCase("aggregate")) {
      AggregateArguments.refuse(query);
      if (query.get("pipeline") instanceof List<?> pipeline) {
        PipelineStages.refuse(pipeline);
      }
      if (query.get("cursor") instanceof Document cursor) {
        count("cursor.batchSize", "batchSize", cursor.get("batchSize"));
      }
    } else if (command.equalsIgnoreCase("listCollections")) {
      ListCollectionsArguments.refuse(query);
    } else if (command.equalsIgnoreCase("listDatabases")) {
      Object filter = query.get("filter");
      if (filter != null && !(filter instanceof Document)) {
        throw wrongType(command + ".filter", filter, "object");
      }
      listingFlags(query);
    } else if (command.equalsIgnoreCase("count")) {
      CountArguments.refuse(query);
    } else if (command.equalsIgnoreCase("createIndexes")) {
      IndexSpecs.refuse(query);
    } else if (command.equalsIgnoreCase("killCursors") && query.get("cursors") instanceof List<?> ids) {
      for (int i = 0; i < ids.size(); i++) {
        if (ids.get(i) != null && !(ids.get(i) instanceof Long)) {
          throw wrongType("killCursors.cursors." + i, ids.get(i), "long");
        }
      }
    }
    WriteBatches.refuse(command, query);
    WriteStatements.refuse(command, query);
    MaxTimeArgument.refuse(query);
  }

  /** listDatabases' flags, typed as mongod's parser types them: authorizedDatabases a bool, nameOnly also a number. */
  private static void listingFlags(Document query) {
    Object authorized = query.get("authorizedDatabases");
    if (authorized != null && !(authorized instanceof Boolean)) {
      throw wrongType("listDatabases.authorizedDatabases", authorized, "bool");
    }
    numberOrBool("listDatabases.nameOnly", query.get("nameOnly"));
  }

  /**
   * A count of documents, which mongod's parser reads as a 64-bit integer (any number, a fraction cut off) not below 0:
   * 14 TypeMismatch naming {@code path} for another type, 51024 naming {@code field} alone for a negative one.
   */
  static void count(String path, String field, Object value) {
    if (value != null && !(value instanceof Number)) {
      throw MongodError.TYPE_MISMATCH.error("BSON field '" + path + "' is the wrong type '" + typeName(value)
          + "', expected types '[long, int, decimal, double']");
    }
    if (value instanceof Number number && number.longValue() < 0) {
      throw MongodError.OUT_OF_RANGE.error(
          "BSON field '" + field + "' value must be >= 0, actual value '" + number.longValue() + "'");
    }
  }

  static MongoServerError wrongType(String path, Object value, String expected) {
    return MongodError.TYPE_MISMATCH.error(
        "BSON field '" + path + "' is the wrong type '" + typeName(value) + "', expected type '" + expected + "'");
  }

  /**
   * Refuses a flag mongod reads as a "safe" bool, which takes a bool or any number (0 for false): {@code value} of
   * another type, where {@link EmbeddedBackend#isTrue} would have read it as false and mongo-java-server as true. A
   * {@code null} is no flag, as there. (The misplaced quote in the list of types is mongod's.)
   */
  static void numberOrBool(String path, Object value) {
    if (value != null && !(value instanceof Boolean) && !(value instanceof Number)) {
      throw MongodError.TYPE_MISMATCH.error("BSON field '" + path + "' is the wrong type '" + typeName(value)
          + "', expected types '[bool, long, int, decimal, double']");
    }
  }

  private static Map<Class<?>, String> typeNames() {
    Map<Class<?>, String> names = new LinkedHashMap<>();
    names.put(Integer.class, "int");
    names.put(Long.class, "long");
    names.put(Double.class, "double");
    names.put(Decimal128.class, "decimal");
    names.put(String.class, "string");
    names.put(Boolean.class, "bool");
    names.put(ObjectId.class, "objectId");
    names.put(Instant.class, "date");
    names.put(Map.class, "object");
    names.put(List.class, "array");
    names.put(BinData.class, "binData");
    names.put(UUID.class, "binData");
    names.put(BsonRegularExpression.class, "regex");
    names.put(BsonTimestamp.class, "timestamp");
    return names;
  }

  /**
   * A value's BSON type as mongod names it in its messages, "null" for a null (a type it has no name for here goes by
   * its Java class).
   */
  static String typeName(Object value) {
    if (value == null) {
      return "null";
    }
    for (Map.Entry<Class<?>, String> type : TYPE_NAMES.entrySet()) {
      if (type.getKey().isInstance(value)) {
        return type.getValue();
      }
    }
    return value.getClass().getSimpleName();
  }

  /** A command's fields after its first, which is the command's own name (its value the collection or 1). */
  static List<Map.Entry<String, Object>> afterName(Document query) {
    return query.entrySet().stream().skip(1).toList();
  }
}
