package lab.portexhaustion.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lab.portexhaustion.model.Prediction;

/**
 * Checks a run record's plain numbers in the JSON itself, before Jackson reads it: Jackson reads a number the file
 * lacks as 0, a text as its number ("12"), a fraction into a count by dropping it, and a negative count as it is, and a
 * comparison then showed those as measured. A plain number ({@code int}, {@code long}, {@code double}) is one every
 * run writes, so it must be there and be a number; an {@code int} or {@code long} is a count, so whole and not
 * negative (but the few in {@link #SIGNED}). A number in an {@link Optional} may be absent (null), as older runs did
 * not record it; when there, it must be a number too, and a count whole (-1 stays readable: older runs spelled unknown
 * so).
 */
final class RecordNumbers {

  /** How the writer spells a double that is not a number (Jackson writes NaN and the infinities as text). */
  private static final Set<String> NOT_FINITE = Set.of("NaN", "Infinity", "-Infinity");

  /**
   * Whole numbers that are not counts, so may be negative: a prediction's free room is a limit less what others hold,
   * below 0 where a server reports more connections held than its limit.
   */
  private static final Set<String> SIGNED = Set.of(Prediction.class.getSimpleName() + ".free");

  private RecordNumbers() {}

  /** The first number of {@code node} that {@code type} cannot take as the run wrote it, if any. */
  static Optional<String> problem(JsonNode node, Class<? extends Record> type) {
    return problem(node, type, "");
  }

  private static Optional<String> problem(JsonNode node, Class<?> type, String prefix) {
    for (RecordComponent component : type.getRecordComponents()) {
      String name = prefix + component.getName();
      JsonNode value = node.get(component.getName());
      boolean signed = SIGNED.contains(type.getSimpleName() + "." + component.getName());
      Optional<String> problem = problem(value, component.getGenericType(), name, true, signed);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> problem(JsonNode value, Type type, String name, boolean required, boolean signed) {
    String field = "its field '" + name + "'";
    if (type == long.class || type == int.class || type == Long.class || type == Integer.class) {
      return count(value, field, required, signed);
    }
    if (type == double.class || type == Double.class) {
      return fraction(value, field, required);
    }
    if (type instanceof ParameterizedType generic && value != null && !value.isNull()) {
      Type inner = generic.getActualTypeArguments()[0];
      if (generic.getRawType() == Optional.class) {
        return problem(value, inner, name, false, signed);
      }
      if (generic.getRawType() == List.class && value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          Optional<String> problem = problem(value.get(i), inner, name + "." + i, true, signed);
          if (problem.isPresent()) {
            return problem;
          }
        }
      }
      return Optional.empty();
    }
    if (type instanceof Class<?> nested && nested.isRecord() && value != null && value.isObject()) {
      return problem(value, nested, name + ".");
    }
    return Optional.empty(); // text, flags, maps and missing parts: RunFileReader's own checks
  }

  private static Optional<String> count(JsonNode value, String field, boolean required, boolean signed) {
    Optional<String> number = present(value, field, required);
    if (number.isPresent() || value == null || value.isNull()) {
      return number;
    }
    if (!value.isNumber()) {
      return Optional.of(field + " is not a number (" + value + ")");
    }
    if (!value.isIntegralNumber()) {
      return Optional.of(field + " is a fraction (" + value + ") where a count is expected");
    }
    if (!signed && (required ? value.asLong() < 0 : value.asLong() < -1)) {
      return Optional.of(field + " is a negative count (" + value + ")");
    }
    return Optional.empty();
  }

  /** What is wrong with {@code value} as a number (NaN and the infinities as the writer spells them), if anything. */
  static Optional<String> fraction(JsonNode value, String field, boolean required) {
    Optional<String> number = present(value, field, required);
    if (number.isPresent() || value == null || value.isNull()) {
      return number;
    }
    if (!value.isNumber() && !(value.isTextual() && NOT_FINITE.contains(value.asText()))) {
      return Optional.of(field + " is not a number (" + value + ")");
    }
    return Optional.empty();
  }

  private static Optional<String> present(JsonNode value, String field, boolean required) {
    if (required && (value == null || value.isNull())) {
      return Optional.of(field + " is missing");
    }
    return Optional.empty();
  }
}
