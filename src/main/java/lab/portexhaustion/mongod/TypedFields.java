package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

  /**
   * A field's declared type as mongod names it in its message, and the Java types that hold it. {@code INDEX}, a
   * dropIndexes' index, is a name, a key pattern or a list of names; mongod's message names only the first two (with
   * its quote misplaced, as in every list of types it sends), and a list goes on to {@link NotImitated}.
   */
  private enum Declared {
    OBJECT("type 'object'", Document.class), ARRAY("type 'array'", List.class), STRING("type 'string'", String.class),
    LONG("type 'long'", Long.class), INDEX("types '[string, object']", String.class, Document.class, List.class);

    private final String expected;
    private final List<Class<?>> held;

    Declared(String expected, Class<?>... held) {
      this.expected = expected;
      this.held = List.of(held);
    }

    boolean holds(Object value) {
      return held.stream().anyMatch(type -> type.isInstance(value));
    }
  }

  private record Field(String name, Declared type, boolean required) {}

  /** A command as mongod writes its name in a path, and its typed fields. */
  private record Command(String name, List<Field> fields) {}

  /** Each command by its lower-case name. */
  private static final Map<String, Command> COMMANDS = Stream.of(
      new Command("insert", List.of(new Field("documents", Declared.ARRAY, true))),
      new Command("update", List.of(new Field("updates", Declared.ARRAY, true))),
      new Command("delete", List.of(new Field("deletes", Declared.ARRAY, true))),
      new Command("count", List.of(new Field("query", Declared.OBJECT, false))),
      new Command("distinct", List.of(new Field("key", Declared.STRING, true), new Field("query", Declared.OBJECT, false))),
      new Command("findAndModify", List.of(new Field("query", Declared.OBJECT, false), new Field("sort", Declared.OBJECT, false),
          new Field("fields", Declared.OBJECT, false), new Field("arrayFilters", Declared.ARRAY, false))),
      new Command("getMore", List.of(new Field("getMore", Declared.LONG, true), new Field("collection", Declared.STRING, true))),
      new Command("dropIndexes", List.of(new Field("index", Declared.INDEX, true))),
      new Command("renameCollection", List.of(new Field("renameCollection", Declared.STRING, true),
          new Field("to", Declared.STRING, true))),
      new Command("killCursors", List.of(new Field("cursors", Declared.ARRAY, true))),
      new Command("createIndexes", List.of(new Field("indexes", Declared.ARRAY, true))))
      .collect(Collectors.toMap(command -> command.name().toLowerCase(Locale.ROOT), command -> command));

  /** Commands whose own field names their collection. */
  private static final Set<String> ON_A_COLLECTION = Set.of("find", "count", "distinct", "insert", "update", "delete",
      "findandmodify", "createindexes", "listindexes", "dropindexes", "killcursors", "create", "collstats", "drop", "validate");

  private TypedFields() {}

  /** @throws MongoServerError 2, 14 or 40414 for the first of {@code query}'s typed fields mongod's parser refuses */
  static void refuse(String command, Document query) {
    String name = command.toLowerCase(Locale.ROOT);
    if (ON_A_COLLECTION.contains(name)) {
      Object collection = query.values().iterator().next();
      if (!(collection instanceof String) && !(collection instanceof UUID)) {
        throw MongodError.BAD_VALUE.error(
            "collection name has invalid type " + CommandArguments.typeName(collection));
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
        throw MongodError.MISSING_FIELD.error("BSON field '" + path + "' is missing but a required field");
      }
      if (value != null && !field.type().holds(value)) {
        throw MongodError.TYPE_MISMATCH.error("BSON field '" + path + "' is the wrong type '"
            + CommandArguments.typeName(value) + "', expected " + field.type().expected);
      }
    }
  }
}
