package lab.portexhaustion.dsl;

import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** A dotted field path in a document ({@code "profile.name"}), and its value as the text a check compares. */
final class FieldPath {

  private FieldPath() {}

  static Optional<String> text(BsonDocument document, String path) {
    BsonValue value = document;
    for (String part : path.split("\\.")) {
      if (!value.isDocument() || !value.asDocument().containsKey(part)) {
        return Optional.empty();
      }
      value = value.asDocument().get(part);
    }
    return Optional.of(text(value));
  }

  /** Strings as they are, whole numbers without a decimal point (1, not 1.0: a reply's ok is a double), the rest as JSON. */
  private static String text(BsonValue value) {
    return switch (value.getBsonType()) {
      case STRING -> value.asString().getValue();
      case INT32, INT64 -> String.valueOf(value.asNumber().longValue());
      case DOUBLE -> {
        double d = value.asDouble().getValue();
        yield d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf((long) d) : String.valueOf(d);
      }
      case BOOLEAN -> String.valueOf(value.asBoolean().getValue());
      case OBJECT_ID -> value.asObjectId().getValue().toHexString();
      default -> new BsonDocument("v", value).toJson().replaceFirst("^\\{\\s*\"v\"\\s*:\\s*", "").replaceFirst("\\s*}$", "");
    };
  }
}
