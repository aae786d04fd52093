package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.List;

/**
 * A {@code find}'s fields that mongod 7.0 reads as documents, and its {@code hint}, refused as mongod's find parser
 * refuses them. That parser hands these fields to a reader of their own without looking at their type first, a null
 * included (where it passes over a null for a field of a declared type, as a {@code limit}): a {@code filter},
 * {@code sort}, {@code projection}, {@code collation}, {@code min} or {@code max} that is not a document is 14
 * TypeMismatch "Expected field filterto be of type object" (the missing space is mongod 7.0's; later releases added it),
 * a {@code hint} neither a string nor a document 9 FailedToParse. mongo-java-server failed on them with a Java cast
 * error and no code, took a null filter for none, and passed over the rest.
 */
final class FindDocuments {

  private static final List<String> DOCUMENTS = List.of("filter", "sort", "projection", "collation", "min", "max");

  private FindDocuments() {}

  /** @throws MongoServerError 14 or 9 for the first field of {@code query}, a find, that mongod's parser refuses */
  static void refuse(Document query) {
    for (String field : DOCUMENTS) {
      if (query.containsKey(field) && !(query.get(field) instanceof Document)) {
        throw MongodError.TYPE_MISMATCH.error("Expected field " + field + "to be of type object");
      }
    }
    if (query.containsKey("hint") && !(query.get("hint") instanceof Document) && !(query.get("hint") instanceof String)) {
      throw MongodError.FAILED_TO_PARSE.error("Hint must be a string or an object");
    }
  }
}
