package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;

/**
 * What an {@code aggregate} names and its {@code cursor}, refused as mongod 7.0's aggregate parser refuses them (its own
 * code, not a generated parser, so its words differ from the typed fields' of {@link TypedFields}): a number other
 * than 1 in place of the collection is 9 FailedToParse, another type than a string or a number 14 "collection name has
 * invalid type: null" (with the colon), a {@code cursor} that is neither left out nor a document 14. mongo-java-server
 * ran {@code {aggregate: 2}} as {@code {aggregate: 1}}, failed on a null name with a NullPointerException and on a
 * cursor of another type with a Java cast error, neither with a code. A null cursor is a cursor left out, which
 * mongo-java-server already refuses with mongod's 9 ("The 'cursor' option is required ...").
 */
final class AggregateArguments {

  private AggregateArguments() {}

  /** @throws MongoServerError 9 or 14 for what {@code query}, an aggregate, names in place of a collection, or its cursor */
  static void refuse(Document query) {
    Object collection = query.values().iterator().next();
    if (collection instanceof Number number && number.doubleValue() != 1) {
      throw MongodError.FAILED_TO_PARSE.error(
          "Invalid command format: the 'aggregate' field must specify a collection name or 1");
    }
    if (!(collection instanceof Number) && !(collection instanceof String)) {
      throw MongodError.TYPE_MISMATCH.error(
          "collection name has invalid type: " + CommandArguments.typeName(collection));
    }
    Object cursor = query.get("cursor");
    if (cursor != null && !(cursor instanceof Document)) {
      throw MongodError.TYPE_MISMATCH.error("cursor field must be missing or an object");
    }
  }
}
