package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Arguments sent as {@code null} that mongod 7.0 reads as not given, taken out before mongo-java-server sees the
 * command. mongod's generated parsers skip a null for a field of a declared BSON type (a count, a document, a flag);
 * mongo-java-server looked such a value up as present and failed with a Java NullPointerException and no code
 * ("Unknown error: Cannot invoke \"java.lang.Number.intValue()\" ..."): a {@code find}'s {@code limit}, {@code skip} or
 * {@code batchSize}, a {@code distinct}'s {@code query}, a {@code findAndModify}'s {@code query} or
 * {@code arrayFilters} (an update's statements: {@link WriteStatements}). A field read by a parser's own code takes no
 * such rule: a {@code count}'s {@code limit} or {@code skip} of null is refused ({@link CountArguments}), and so is a
 * {@code find}'s null {@code filter}, {@code sort} or {@code projection} ({@link FindDocuments}).
 */
final class NullArguments {

  private static final Map<String, Set<String>> TYPED = Map.of(
      "find", Set.of("limit", "skip", "batchSize", "singleBatch"),
      "distinct", Set.of("query"),
      "findandmodify", Set.of("query", "sort", "fields", "arrayFilters"));

  private NullArguments() {}

  /** {@code query} without its null typed fields, or {@code query} itself when it has none. */
  static Document withoutNulls(String command, Document query) {
    Set<String> typed = TYPED.get(command.toLowerCase(Locale.ROOT));
    if (typed == null || typed.stream().noneMatch(field -> query.containsKey(field) && query.get(field) == null)) {
      return query;
    }
    Document given = new Document();
    query.forEach((field, value) -> {
      if (value != null || !typed.contains(field)) {
        given.put(field, value);
      }
    });
    return given;
  }
}
