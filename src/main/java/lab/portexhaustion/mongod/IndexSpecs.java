package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.List;
import java.util.Map;

/**
 * A {@code createIndexes}' index specifications, refused as mongod 7.0 refuses them before it builds any: one that is
 * not a document with 14 naming its place; a {@code key} that is not a document, a {@code name} that is not a string
 * (14), or either left out (9 FailedToParse), each in mongod's words after "Error in specification { key: { a: 1 } } ::
 * caused by :: ". mongo-java-server made an index without a name from a specification without one, after which every
 * drop of that collection or its database failed with a Java NullPointerException and no code; it failed on the other
 * cases with a Java error and no code. A list of specifications left out or of another type is {@link TypedFields}'.
 */
final class IndexSpecs {

  private IndexSpecs() {}

  /** @throws MongoServerError 9 or 14 for the first specification of {@code query}, a createIndexes, mongod refuses */
  static void refuse(Document query) {
    if (!(query.get("indexes") instanceof List<?> specs)) {
      return;
    }
    for (int i = 0; i < specs.size(); i++) {
      if (!(specs.get(i) instanceof Document spec)) {
        throw CommandArguments.wrongType("createIndexes.indexes." + i, specs.get(i), "object");
      }
      refuseSpec(spec);
    }
  }

  /** The specification's fields in their order, as mongod reads them, then the required ones. */
  private static void refuseSpec(Document spec) {
    for (Map.Entry<String, Object> field : spec.entrySet()) {
      Object value = field.getValue();
      if (field.getKey().equals("key") && !(value instanceof Document)) {
        throw inSpec(spec, MongodError.TYPE_MISMATCH,
            "The field 'key' must be an object, but got " + CommandArguments.typeName(value));
      }
      if (field.getKey().equals("name") && !(value instanceof String)) {
        throw inSpec(spec, MongodError.TYPE_MISMATCH,
            "The field 'name' must be a string, but got " + CommandArguments.typeName(value));
      }
    }
    for (String required : List.of("key", "name")) {
      if (!spec.containsKey(required)) {
        throw inSpec(spec, MongodError.FAILED_TO_PARSE,
            "The '" + required + "' field is a required property of an index specification");
      }
    }
  }

  private static MongoServerError inSpec(Document spec, MongodError code, String cause) {
    return code.error("Error in specification " + MongodText.of(spec) + " :: caused by :: " + cause);
  }
}
