package lab.portexhaustion.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.process.ProgramFailure;
import lab.portexhaustion.record.RecordJson;

/**
 * Reads a run's JSON record (summary.json, conditions.json) for a comparison, and refuses one that is not whole: Jackson
 * leaves a field the file lacks null, and a comparison met that null (or an empty strategy) only while it drew the
 * page, as a stack trace. A record's optional figures are {@link Optional}s, so any other field is one every run
 * writes; its text fields that name the run must not be blank. Its numbers are checked in the JSON first
 * ({@link RecordNumbers}), as Jackson would read a missing one as 0; a count older runs did not record is an
 * {@link Optional}, which the readers show as not recorded.
 */
final class RunFileReader {

  private static final ObjectMapper JSON = RecordJson.reader();

  private RunFileReader() {}

  static <T extends Record> T read(Path file, Class<T> type) throws IOException {
    T record;
    try {
      JsonNode tree = JSON.readTree(file.toFile());
      if (tree == null || !tree.isObject()) {
        throw new UnreadableRun(file, "it is not a JSON object");
      }
      Optional<String> number = RecordNumbers.problem(tree, type);
      if (number.isPresent()) {
        throw new UnreadableRun(file, number.get());
      }
      record = JSON.treeToValue(tree, type);
    } catch (MismatchedInputException e) {
      throw new UnreadableRun(file, "its field '" + path(e) + "' is not " + e.getTargetType().getSimpleName());
    } catch (JsonProcessingException e) {
      throw new UnreadableRun(file, "it is not whole JSON (" + e.getOriginalMessage() + ")");
    }
    Optional<String> problem = problem(record, "");
    if (problem.isPresent()) {
      throw new UnreadableRun(file, problem.get());
    }
    return record;
  }

  /**
   * The batch a run's summary names, read alone: finding the runs of a batch must not stop at another batch's run
   * that a comparison could not use.
   */
  static Optional<String> batch(Path summary) throws IOException {
    return Optional.ofNullable(JSON.readTree(summary.toFile()).get("batch")).filter(node -> node.isTextual()).map(node -> node.asText());
  }

  /** The first field that is missing (anywhere in the record) or blank (a text of its own), if any. */
  private static Optional<String> problem(Record record, String prefix) {
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      Object value = value(record, component);
      String field = "its field '" + prefix + component.getName() + "'";
      if (value == null) {
        return Optional.of(field + " is missing");
      }
      if (prefix.isEmpty() && value instanceof String text && text.isBlank()) {
        return Optional.of(field + " is empty");
      }
      Object inner = value instanceof Optional<?> optional ? optional.orElse(null) : value;
      if (inner instanceof Record nested) {
        Optional<String> deeper = problem(nested, prefix + component.getName() + ".");
        if (deeper.isPresent()) {
          return deeper;
        }
      }
    }
    return Optional.empty();
  }

  private static Object value(Record record, RecordComponent component) {
    try {
      component.getAccessor().setAccessible(true); // records nested in a class of another package
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass().getSimpleName(), e);
    }
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : String.valueOf(reference.getIndex()))
        .collect(Collectors.joining("."));
  }

  /** A run folder a comparison cannot use: one paragraph naming the file and what is wrong, nothing written. */
  static final class UnreadableRun extends ProgramFailure {

    UnreadableRun(Path file, String problem) {
      super(ProcessExit.Code.COMPARE_USAGE, "compare: " + file + " cannot be read as a run's record: " + problem + ". The harness"
          + " writes it whole at the end of a run, so it was edited, cut short or written by another version of the lab;"
          + " leave that run folder out of the comparison, or run its simulation again. Nothing was written.");
    }
  }
}
