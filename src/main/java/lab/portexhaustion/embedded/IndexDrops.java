package lab.portexhaustion.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.List;
import java.util.function.BiFunction;

/**
 * {@code dropIndexes} as mongod 7.0 runs it, on mongo-java-server's own drop of one index. mongo-java-server's
 * {@code "*"} went through the index entries of the whole database, not the collection's, and failed (27 "index not
 * found with name [a_1]", nothing dropped) as soon as another collection of the database had an index of its own:
 * every driver's "drop all indexes" (PyMongo's {@code drop_indexes()}, the Java and Node.js drivers'
 * {@code dropIndexes()}) sends {@code "*"}. It dropped the {@code _id} index when named, after which the collection
 * listed no index at all, where mongod refuses with 72 InvalidOptions; and it answered a collection that is not there
 * with ok, where mongod answers 26 "ns not found", which drivers clearing indexes pass over. The reply carries mongod's
 * {@code nIndexesWas}, the indexes before the drop.
 */
final class IndexDrops {

  private static final int NAMESPACE_NOT_FOUND = 26;
  private static final int INVALID_OPTIONS = 72;
  private static final String ID_INDEX = "_id_";

  private IndexDrops() {}

  /**
   * Runs {@code query}, a dropIndexes whose index is a name or a key pattern ({@link TypedFields} and
   * {@link NotImitated} have refused the rest), through {@code backend}, mongo-java-server's own commands by name.
   *
   * @throws MongoServerError 26 for a collection that is not there, 72 for the {@code _id} index
   */
  static Document drop(String databaseName, Document query, BiFunction<String, Document, Document> backend) {
    String collection = (String) query.get("dropIndexes");
    List<String> names = indexNames(collection, backend);
    if (names.isEmpty()) {
      // A collection always has its _id index, and one that is not there lists none.
      throw new MongoServerError(NAMESPACE_NOT_FOUND, "NamespaceNotFound", "ns not found " + databaseName + "." + collection);
    }
    Object index = query.get("index");
    if (ID_INDEX.equals(index) || isIdKey(index)) {
      throw new MongoServerError(INVALID_OPTIONS, "InvalidOptions", "cannot drop _id index");
    }
    Document reply = new Document("nIndexesWas", names.size());
    if ("*".equals(index)) {
      names.stream().filter(name -> !name.equals(ID_INDEX))
          .forEach(name -> backend.apply("dropIndexes", new Document("dropIndexes", collection).append("index", name)));
      reply.append("msg", "non-_id indexes dropped for collection");
    } else {
      backend.apply("dropIndexes", query);
    }
    return reply.append("ok", 1.0);
  }

  private static List<String> indexNames(String collection, BiFunction<String, Document, Document> backend) {
    Document listing = backend.apply("listIndexes", new Document("listIndexes", collection));
    List<?> indexes = (List<?>) ((Document) listing.get("cursor")).get("firstBatch");
    return indexes.stream().map(index -> (String) ((Document) index).get("name")).toList();
  }

  /** The key pattern of the {@code _id} index, {@code {_id: 1}}, whichever number type says 1. */
  private static boolean isIdKey(Object index) {
    return index instanceof Document key && key.size() == 1 && key.get("_id") instanceof Number one && one.doubleValue() == 1;
  }
}
