package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.Map;
import java.util.Set;

/**
 * A {@code count}'s arguments, refused as mongod 7.0's count parser refuses them, each in the order the command gives
 * them: a {@code limit} or {@code skip} it cannot read, and a field it does not know. mongo-java-server failed a {@code limit} or {@code skip} that is not a number with a Java cast
 * error and no code, and counted every document for a {@code limit} of Long.MIN_VALUE: mongod counts up to a negative
 * limit's absolute value, which that one has not in 64 bits, so it refuses it. A {@code null} is refused too: mongod's
 * generated parsers read a null as no value only for a field of a declared BSON type, and this parser takes any type
 * and checks it itself, finding no number. The parser is strict: a field that is neither its own nor one every command
 * takes is refused with code 40415, where mongo-java-server passed it over (a misspelt {@code limt} counted every
 * document).
 */
final class CountArguments {

  /** The count parser's own fields beside limit and skip ({@code fields} is the old shell's, taken and ignored). */
  private static final Set<String> OWN = Set.of("query", "hint", "collation", "fields", "encryptionInformation");

  private CountArguments() {}

  /**
   * Refuses {@code query}, a {@code count}, when mongod would.
   *
   * @throws MongoServerError 2 BadValue for a limit or skip that is not a number (null too) or a limit of Long.MIN_VALUE, 9
   *     FailedToParse for one that is not a whole 64-bit number ({@link WholeNumber}) or a negative skip, 40415 for
   *     a field it does not know
   */
  static void refuse(Document query) {
    for (Map.Entry<String, Object> field : CommandArguments.afterName(query)) {
      if (!(field.getKey().equals("limit") || field.getKey().equals("skip"))) {
        if (!OWN.contains(field.getKey()) && !GenericArguments.isGeneric(field.getKey())) {
          throw GenericArguments.unknown("count." + field.getKey());
        }
        continue;
      }
      if (!(field.getValue() instanceof Number number)) {
        throw badValue(field.getKey() + " value is not a valid number");
      }
      long value = WholeNumber.of(field.getKey(), number);
      if (field.getKey().equals("limit") && value == Long.MIN_VALUE) {
        throw badValue("limit value for count cannot be min long");
      }
      if (field.getKey().equals("skip") && value < 0) {
        throw WholeNumber.failedToParse("Expected a non-negative number in: " + WholeNumber.shown("skip", number));
      }
    }
  }

  private static MongoServerError badValue(String message) {
    return MongodError.BAD_VALUE.error(message);
  }
}
