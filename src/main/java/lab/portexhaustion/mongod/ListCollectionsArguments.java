package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.Map;

/**
 * A {@code listCollections} as mongod 7.0's parser reads it, field by field in the order given: a {@code filter} that is
 * not a document, a {@code nameOnly} or {@code authorizedCollections} that is not a bool, an {@code includePendingDrops}
 * that is neither a bool nor a number, a {@code cursor} that is not a document or whose {@code batchSize} is not a count,
 * and a field it does not know, refused. mongod's parser for this command is strict: a field that is neither its own nor
 * one every command takes ({@link GenericArguments}) is refused with code 40415; mongo-java-server passed any over.
 */
final class ListCollectionsArguments {

  private ListCollectionsArguments() {}

  /**
   * Refuses {@code query}, a {@code listCollections}, at its first field mongod would refuse.
   *
   * @throws MongoServerError 14 TypeMismatch, 51024 for a negative batch size, or 40415 for a field it does not know
   */
  static void refuse(Document query) {
    for (Map.Entry<String, Object> field : CommandArguments.afterName(query)) {
      String name = field.getKey();
      Object value = field.getValue();
      if (name.equals("filter")) {
        if (value != null && !(value instanceof Document)) {
          throw CommandArguments.wrongType("listCollections.filter", value, "object");
        }
      } else if (name.equals("nameOnly") || name.equals("authorizedCollections")) {
        if (value != null && !(value instanceof Boolean)) {
          throw CommandArguments.wrongType("listCollections." + name, value, "bool");
        }
      } else if (name.equals("includePendingDrops")) {
        CommandArguments.numberOrBool("listCollections.includePendingDrops", value);
      } else if (name.equals("cursor")) {
        cursor(value);
      } else if (!GenericArguments.isGeneric(name)) {
        throw GenericArguments.unknown("listCollections." + name);
      }
    }
  }

  /** Its cursor options, which mongod reads as strictly as the command: a {@code batchSize} alone. */
  private static void cursor(Object value) {
    if (value == null) {
      return;
    }
    if (!(value instanceof Document options)) {
      throw CommandArguments.wrongType("listCollections.cursor", value, "object");
    }
    for (Map.Entry<String, Object> option : options.entrySet()) {
      if (!option.getKey().equals("batchSize")) {
        throw GenericArguments.unknown("cursor." + option.getKey()); // mongod names a nested field from its parent alone
      }
      CommandArguments.count("cursor.batchSize", "batchSize", option.getValue());
    }
  }
}
