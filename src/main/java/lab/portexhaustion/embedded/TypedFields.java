package lab.portexhaustion.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Fields whose type mongod 7.0's command parsers declare, checked as they check them before the command runs: one of
 * another type refused with 14 {@code TypeMismatch} ("BSON field 'count.query' is the wrong type 'string', expected type
 * 'object'"), a required one left out or null (the parsers skip a null, so it is missing) with 40414. mongo-java-server
 * read them without looking and failed with a Java cast error or NullPointerException and no code ("Unknown error:
 * class java.lang.String cannot be cast to class de.bwaldvogel.mongo.bson.Document ..."), which a driver reports as
 * an error without a code. A command on a collection names it with a string: another type is refused with 2
 * {@code BadValue}, "collection name has invalid type int" (a UUID, which mongod takes for some of them, is passed on).
 */
final class TypedFields {

  private record Field(String name, String type, boolean required) {}

  /** Each command by its lower-case name: its name as mongod writes it in a path, and its typed fields. */
  private record Command(String name, List<Field> fields) {}

  private static final Map<String, Command> COMMANDS = Map.of(
      "insert", new Command("insert", List.of(new Field("documents", "array", true))),
      "update", new Command("update", List.of(new Field("updates", "array", true))),
      "delete", new Command("delete", List.of(new Field("deletes", "array", true))),
      "count", new Command("count", List.of(new Field("query", "object", false))),
      "distinct", new Command("distinct", List.of(new Field("key", "string", true), new Field("query", "object", false))),
      "findandmodify", new Command("findAndModify", List.of(new Field("query", "object", false),
          new Field("sort", "object", false), new Field("fields", "object", false))),
      "getmore", new Command("getMore", List.of(new Field("getMore", "long", false), new Field("collection", "string", true))),
      "dropindexes", new Command("dropIndexes", List.of(new Field("index", "any", true))),
      "killcursors", new Command("killCursors", List.of(new Field("cursors", "array", true))),
      "createindexes", new Command("createIndexes", List.of(new Field("indexes", "array", true))));

  /** Commands whose own field names their collection. */
  private static final Set<String> ON_A_COLLECTION = Set.of("find", "count", "distinct", "insert", "update", "delete",
      "findandmodify", "createindexes", "listindexes", "dropindexes", "killcursors");

  private TypedFields() {}

  /** @throws MongoServerError 2, 14 or 40414 for the first of {@code query}'s typed fields mongod's parser refuses */
  static void refuse(String command, Document query) {
    String name = command.toLowerCase(Locale.ROOT);
    if (ON_A_COLLECTION.contains(name)) {
      Object collection = query.values().iterator().next();
      if (!(collection instanceof String) && !(collection instanceof UUID)) {
        throw new MongoServerError(CountArguments.BAD_VALUE, "BadValue",
            "collection name has invalid type " + (collection == null ? "null" : CommandArguments.typeName(collection)));
      }
    }
    Command typed = COMMANDS.get(name);
    if (typed == null) {
      return;
    }
    for (Field field : typed.fields()) {
      String path = typed.name() + "." + field.name();
      Object value = query.get(field.name());
      if (value == null && field.required()) {
        throw new MongoServerError(CommandArguments.MISSING_FIELD, "Location" + CommandArguments.MISSING_FIELD,
            "BSON field '" + path + "' is missing but a required field");
      }
      if (value != null && !isOfType(value, field.type())) {
        throw CommandArguments.wrongType(path, value, field.type());
      }
    }
  }

  private static boolean isOfType(Object value, String type) {
    return switch (type) {
      case "object" -> value instanceof Document;
      case "array" -> value instanceof List<?>;
      case "string" -> value instanceof String;
      case "long" -> value instanceof Long;
      case "any" -> true; // one of several types (a name, a key pattern, a list of names): only required here
      default -> throw new IllegalArgumentException("no such BSON type here: " + type);
    };
  }
}
