package lab.portexhaustion.dsl;

/** A check on how many documents an operation found, inserted, matched or deleted; made with {@link MongoDsl#count()}. */
public final class CountCheckBuilder {

  CountCheckBuilder() {}

  /** Exactly {@code expected}. */
  public MongoCheck is(long expected) {
    return MongoCheck.count("count is " + expected, expected, count -> count == expected);
  }

  /** At least {@code minimum}. */
  public MongoCheck atLeast(long minimum) {
    return MongoCheck.count("count is at least " + minimum, minimum, count -> count >= minimum);
  }

  /** At most {@code maximum}. */
  public MongoCheck atMost(long maximum) {
    return MongoCheck.count("count is at most " + maximum, maximum, count -> count <= maximum);
  }
}
