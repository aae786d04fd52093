package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;

/**
 * An insert's {@code ordered} as mongod 7.0 reads it: a flag that defaults to true, so an insert that leaves it out, or
 * sends it as null, stops at its first error. mongo-java-server read either as false and went on past the error (of
 * three documents, the second a duplicate, it inserted two where mongod inserts one). The three drivers the conformance
 * tests run always send the flag; a command written by hand often does not. An update or a delete is run statement by
 * statement ({@link StatementByStatement}), which reads a missing or null flag as true itself.
 */
final class WriteOrder {

  private WriteOrder() {}

  /** {@code query} with {@code ordered: true} where it is an insert that gave no value for it, else {@code query} itself. */
  static Document withDefault(String command, Document query) {
    if (!command.equalsIgnoreCase("insert") || query.get("ordered") != null) {
      return query;
    }
    return new Document(query).append("ordered", Boolean.TRUE);
  }
}
