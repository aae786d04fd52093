package lab.portexhaustion.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.Map;

/**
 * A {@code count}'s {@code limit} and {@code skip}, refused as mongod 7.0's count parser refuses them, each in the order
 * the command gives them. mongo-java-server failed a {@code limit} or {@code skip} that is not a number with a Java cast
 * error and no code, and counted every document for a {@code limit} of Long.MIN_VALUE: mongod counts up to a negative
 * limit's absolute value, which that one has not in 64 bits, so it refuses it. A {@code null} is refused too: mongod's
 * generated parsers read a null as no value only for a field of a declared BSON type, and this parser takes any type
 * and checks it itself, finding no number.
 */
final class CountArguments {

  static final int BAD_VALUE = 2;

  private CountArguments() {}

  /**
   * Refuses {@code query}, a {@code count}, when mongod would.
   *
   * @throws MongoServerError 2 BadValue for a limit or skip that is not a number (null too) or a limit of Long.MIN_VALUE, 9
   *     FailedToParse for one that is not a whole 64-bit number ({@link WholeNumber}) or a negative skip
   */
  static void refuse(Document query) {
    for (Map.Entry<String, Object> field : query.entrySet()) {
      if (!(field.getKey().equals("limit") || field.getKey().equals("skip"))) {
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
    return new MongoServerError(BAD_VALUE, "BadValue", message);
  }

}
