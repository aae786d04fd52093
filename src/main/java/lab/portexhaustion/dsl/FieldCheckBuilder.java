package lab.portexhaustion.dsl;

/**
 * A check on one field of the document an operation returned (the first document found, or a command's reply);
 * made with {@link MongoDsl#field(String)}.
 */
public final class FieldCheckBuilder {

  private final String path;

  FieldCheckBuilder(String path) {
    this.path = path;
  }

  /** The field's value, as text (strings as they are, whole numbers without a decimal point), is {@code expected}, which may hold Gatling EL. */
  public MongoCheck is(String expected) {
    return MongoCheck.fieldIs(path, expected);
  }

  /** The field is the whole number {@code expected} (a reply's {@code ok: 1.0} is 1). */
  public MongoCheck is(long expected) {
    return MongoCheck.fieldIs(path, String.valueOf(expected));
  }

  /** The field is there, whatever its value. */
  public MongoCheck exists() {
    return MongoCheck.fieldExists(path);
  }
}
