package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.List;

/**
 * The {@code findAndModify} commands mongod 7.0 refuses before it looks for a document, refused here with its codes and
 * messages. mongo-java-server removed and answered a removal that also asked for the new document, an update or
 * {@code arrayFilters} (the rest ignored), failed one that also upserts with a Java NullPointerException and no code, and
 * took a flag of any type, a string {@code upsert} inserting while the reply (which reads it as mongod reads a flag) said
 * nothing was inserted, and failed on an update that is neither a document nor a pipeline with a Java cast error.
 */
final class FindAndModifyArguments {

  private static final List<String> FLAGS = List.of("remove", "new", "upsert");

  private FindAndModifyArguments() {}

  /**
   * Refuses {@code command}, a {@code findAndModify}, when mongod would: a flag that is neither a bool nor a number
   * (14 TypeMismatch), an update neither a document nor a pipeline, neither an update nor {@code remove}, or
   * {@code remove} with an update, {@code upsert},
   * {@code new} or {@code arrayFilters} (9 FailedToParse), in mongod's order.
   *
   * @throws MongoServerError mongod's error for the first such argument
   */
  static void refuse(Document command) {
    FLAGS.forEach(flag -> CommandArguments.numberOrBool("findAndModify." + flag, command.get(flag)));
    Object given = command.get("update");
    if (given != null && !(given instanceof Document) && !(given instanceof List)) {
      throw failedToParse("Update argument must be either an object or an array");
    }
    boolean remove = EmbeddedBackend.isTrue(command.get("remove"));
    boolean update = command.get("update") != null;
    if (!remove && !update) {
      throw failedToParse("Either an update or remove=true must be specified");
    }
    if (!remove) {
      return;
    }
    if (update) {
      throw failedToParse("Cannot specify both an update and remove=true");
    }
    if (EmbeddedBackend.isTrue(command.get("upsert"))) {
      throw failedToParse("Cannot specify both upsert=true and remove=true "); // the space is in mongod's message
    }
    if (EmbeddedBackend.isTrue(command.get("new"))) {
      throw failedToParse("Cannot specify both new=true and remove=true; 'remove' always returns the deleted document");
    }
    if (command.get("arrayFilters") != null) {
      throw failedToParse("Cannot specify arrayFilters and remove=true");
    }
  }

  private static MongoServerError failedToParse(String message) {
    return MongodError.FAILED_TO_PARSE.error(message);
  }
}
