package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;

/**
 * A command's {@code maxTimeMS}, read as mongod 7.0 reads it for every command before running it: a whole number of
 * milliseconds from 0 to 2^31 - 1, refused with code 2 {@code BadValue} otherwise ("maxTimeMS must be a number" for a
 * null or a string, "-5 value for maxTimeMS is out of range [0, 2147483647]", "maxTimeMS has non-integral value").
 * mongo-java-server passed over any value, and {@link ReadTimeLimit} took one it could not use as no limit at all: a
 * workload sending a bad time limit ran without one where mongod would have refused it at once.
 */
final class MaxTimeArgument {

  private static final String FIELD = "maxTimeMS";

  private MaxTimeArgument() {}

  /** @throws MongoServerError 2 BadValue where mongod refuses {@code query}'s maxTimeMS */
  static void refuse(Document query) {
    if (!query.containsKey(FIELD)) {
      return;
    }
    if (!(query.get(FIELD) instanceof Number value)) {
      throw badValue(FIELD + " must be a number");
    }
    long whole = safeLong(value);
    if (whole < 0 || whole > Integer.MAX_VALUE) {
      throw badValue(whole + " value for " + FIELD + " is out of range [0, " + Integer.MAX_VALUE + "]");
    }
    if (value instanceof Double fraction && Math.floor(fraction) != fraction) {
      throw badValue(FIELD + " has non-integral value");
    }
  }

  /**
   * mongod's conversion of a number to 64 bits for this check: a double cut toward zero, held at the ends of the range
   * beyond them, NaN as 0 (then refused as not integral).
   */
  private static long safeLong(Number value) {
    if (value instanceof Double fraction) {
      return Double.isNaN(fraction) ? 0 : (long) fraction.doubleValue(); // Java's cast holds at the ends, as mongod does
    }
    return value.longValue();
  }

  private static MongoServerError badValue(String message) {
    return MongodError.BAD_VALUE.error(message);
  }
}
