package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * {@code dropIndexes} as mongod 7.0 runs it, on mongo-java-server's own drop of one index. mongo-java-server's
 * {@code "*"} went through the index entries of the whole database, not the collection's, and failed (27 "index not
 * found with name [a_1]", nothing dropped) as soon as another collection of the database had an index of its own:
 * every driver's "drop all indexes" (PyMongo's {@code drop_indexes()}, the Java and Node.js drivers'
 * {@code dropIndexes()}) sends {@code "*"}. It dropped the {@code _id} index when named, after which the collection
 * listed no index at all, where mongod refuses with 72 InvalidOptions; it answered a collection that is not there
 * with ok, where mongod answers 26 "ns not found", which drivers clearing indexes pass over; and a drop by name took
 * the index of that name off every other collection's listing too (two collections indexed on {@code n} both have an
 * {@code n_1}), so that dropping the database then failed ("Expected [EmptyIndex[name=n_1]] to be empty"). Each index
 * is dropped here by its key pattern, which mongo-java-server looks up in the collection's own entries. The reply
 * carries mongod's {@code nIndexesWas}, the indexes before the drop.
 */
final class IndexDrops {

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
    Map<String, Object> keys = indexKeys(collection, backend);
    if (keys.isEmpty()) {
      // A collection always has its _id index, and one that is not there lists none.
      throw MongodError.NAMESPACE_NOT_FOUND.error("ns not found " + databaseName + "." + collection);
    }
    Object index = query.get("index");
    if (ID_INDEX.equals(index) || isIdKey(index)) {
      throw MongodError.INVALID_OPTIONS.error("cannot drop _id index");
    }
    if (index instanceof String name && !name.equals("*") && !keys.containsKey(name)) {
      throw MongodError.INDEX_NOT_FOUND.error("index not found with name [" + name + "]");
    }
    Document reply = new Document("nIndexesWas", keys.size());
    if ("*".equals(index)) {
      keys.keySet().stream().filter(name -> !name.equals(ID_INDEX)).forEach(name -> dropByKey(collection, keys.get(name), backend));
      reply.append("msg", "non-_id indexes dropped for collection");
    } else {
      dropByKey(collection, index instanceof String name ? keys.get(name) : index, backend);
    }
    return reply.append("ok", 1.0);
  }

  /**
   * mongo-java-server drops an index named by its key pattern as the collection's own; named by its name, it also
   * deleted the index entry of that name of every other collection of the database, which then listed it no more.
   */
  private static void dropByKey(String collection, Object key, BiFunction<String, Document, Document> backend) {
    backend.apply("dropIndexes", new Document("dropIndexes", collection).append("index", key));
  }

  /** The collection's indexes, each name with its key pattern, in the order they were made. */
  private static Map<String, Object> indexKeys(String collection, BiFunction<String, Document, Document> backend) {
    Document listing = backend.apply("listIndexes", new Document("listIndexes", collection));
    Map<String, Object> keys = new LinkedHashMap<>();
    for (Object index : (List<?>) ((Document) listing.get("cursor")).get("firstBatch")) {
      keys.put((String) ((Document) index).get("name"), ((Document) index).get("key"));
    }
    return keys;
  }

  /** The key pattern of the {@code _id} index, {@code {_id: 1}}, whichever number type says 1. */
  private static boolean isIdKey(Object index) {
    return index instanceof Document key && key.size() == 1 && key.get("_id") instanceof Number one && one.doubleValue() == 1;
  }
}
