package lab.portexhaustion.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Locale;
import java.util.Set;

/**
 * A write's {@code ordered} as mongod 7.0 reads it: a flag that defaults to true, so an {@code insert}, {@code update}
 * or {@code delete} that leaves it out, or sends it as null, stops at its first error. mongo-java-server read either as
 * false and went on past the error (of three documents, the second a duplicate, it inserted two where mongod inserts
 * one). The three drivers the conformance tests run always send the flag; a command written by hand often does not.
 */
final class WriteOrder {

  private static final Set<String> WRITES = Set.of("insert", "update", "delete");

  private WriteOrder() {}

  /** {@code query} with {@code ordered: true} where it is a write that gave no value for it, else {@code query} itself. */
  static Document withDefault(String command, Document query) {
    if (!WRITES.contains(command.toLowerCase(Locale.ROOT)) || query.get("ordered") != null) {
      return query;
    }
    return new Document(query).append("ordered", Boolean.TRUE);
  }
}
