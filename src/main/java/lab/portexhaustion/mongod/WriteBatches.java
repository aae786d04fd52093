package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A write command's list of statements (an insert's {@code documents}, an update's {@code updates}, a delete's
 * {@code deletes}), refused as mongod 7.0 refuses it before writing anything. One left out or not an array is refused by
 * {@link TypedFields}, and passed over here whichever runs first; here a statement that is not a document with 14 naming its index, and a list
 * of none or of more than {@link MongodVersion#MAX_WRITE_BATCH_SIZE} with 16 {@code InvalidLength}, "Write batch sizes
 * must be between 1 and 100000. Got 0 operations.". mongo-java-server failed a statement of another type with a Java
 * cast error and no code, and answered an empty list as a write of none.
 */
final class WriteBatches {

  private static final Map<String, String> STATEMENTS = Map.of("insert", "documents", "update", "updates", "delete", "deletes");

  private WriteBatches() {}

  /** @throws MongoServerError mongod's error where {@code query}, a write command, has a list of statements it does not take */
  static void refuse(String command, Document query) {
    String name = command.toLowerCase(Locale.ROOT);
    String field = STATEMENTS.get(name);
    if (field == null || !(query.get(field) instanceof List<?> list)) {
      return; // not a write, or a list left out or of another type, which is TypedFields' to refuse
    }
    String path = name + "." + field;
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Document)) {
        throw CommandArguments.wrongType(path + "." + i, list.get(i), "object");
      }
    }
    if (list.isEmpty() || list.size() > MongodVersion.MAX_WRITE_BATCH_SIZE) {
      throw MongodError.INVALID_LENGTH.error("Write batch sizes must be between 1 and "
          + MongodVersion.MAX_WRITE_BATCH_SIZE + ". Got " + list.size() + " operations.");
    }
  }
}
