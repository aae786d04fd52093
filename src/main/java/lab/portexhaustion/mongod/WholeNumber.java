package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.exception.MongoServerError;

/**
 * A number read as mongod 7.0 reads an argument that must be a whole 64-bit number (a count's {@code limit} and
 * {@code skip}): an int or a long as it is, a double only when it holds a whole number inside the 64-bit range, a
 * decimal only when it converts to a long exactly; anything else refused with code 9 {@code FailedToParse}, the
 * field and its value in the message as mongod prints them ({@link MongodDoubleText} for a double).
 */
final class WholeNumber {

  /** 2^63, the first double past Long.MAX_VALUE: (double) Long.MAX_VALUE rounds up to it, so it is compared with >=. */
  private static final double TWO_TO_THE_63 = 0x1p63;

  private WholeNumber() {}

  /**
   * {@code value} as a long.
   *
   * @throws MongoServerError 9 FailedToParse for a double NaN, a fraction, or a number outside 64 bits
   */
  static long of(String field, Number value) {
    if (value instanceof Double number) {
      if (number.isNaN()) {
        throw failedToParse("Expected an integer, but found NaN in: " + shown(field, value));
      }
      if (number >= TWO_TO_THE_63 || number < -TWO_TO_THE_63) {
        throw failedToParse("Cannot represent as a 64-bit integer: " + shown(field, value));
      }
      if (number != Math.rint(number)) {
        throw failedToParse("Expected an integer: " + shown(field, value));
      }
      return number.longValue();
    }
    if (value instanceof Decimal128 decimal) {
      return exactLong(field, decimal);
    }
    return value.longValue();
  }

  /** A decimal with a fraction, or NaN, an infinity or one outside 64 bits, has no exact long: mongod refuses each alike. */
  private static long exactLong(String field, Decimal128 decimal) {
    try {
      return decimal.toBigDecimal().longValueExact();
    } catch (ArithmeticException | IllegalArgumentException notExact) {
      throw failedToParse("Cannot represent as a 64-bit integer: " + shown(field, decimal));
    }
  }

  /** The field and its value as mongod prints a BSON element in a message: {@code "limit: 1e+19.0"}. */
  static String shown(String field, Number value) {
    return field + ": " + (value instanceof Double number ? MongodDoubleText.of(number) : value.toString());
  }

  static MongoServerError failedToParse(String message) {
    return MongodError.FAILED_TO_PARSE.error(message);
  }
}
