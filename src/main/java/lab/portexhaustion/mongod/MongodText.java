package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A value as mongod 7.0 writes one into a message: a document as {@code { key: { a: 1 }, name: "a_1" }} (an empty one
 * as {@code {}}), an array as {@code [ 1, 2 ]}, a string in double quotes, a double by {@link MongodDoubleText}, and
 * any other value as its own text. mongo-java-server's {@code Document.toString} writes JSON-like text with quoted
 * keys, which would not read as mongod's.
 */
final class MongodText {

  private MongodText() {}

  static String of(Object value) {
    if (value instanceof Document document) {
      return document.isEmpty() ? "{}" : document.entrySet().stream().map(MongodText::field)
          .collect(Collectors.joining(", ", "{ ", " }"));
    }
    if (value instanceof List<?> list) {
      return list.isEmpty() ? "[]" : list.stream().map(MongodText::of).collect(Collectors.joining(", ", "[ ", " ]"));
    }
    if (value instanceof String text) {
      return "\"" + text + "\"";
    }
    if (value instanceof Double number) {
      return MongodDoubleText.of(number);
    }
    return String.valueOf(value);
  }

  private static String field(Map.Entry<String, Object> entry) {
    return entry.getKey() + ": " + of(entry.getValue());
  }
}
