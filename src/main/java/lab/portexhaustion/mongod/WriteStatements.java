package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The fields of an update's and a delete's statements, read as mongod 7.0's write parser reads them. Refused: a
 * statement's {@code q} left out or null (40414) or not a document (14), an update's {@code u} left out (40414) or
 * neither a document nor a pipeline (9 FailedToParse, "Update argument must be either an object or an array"), its
 * {@code arrayFilters} not an array (14), a delete's {@code limit} left out (40414) or a number other than 0 and 1 (9,
 * "The limit field in delete objects must be 0 or 1. Got 2"). Taken as mongod takes them: a delete's {@code limit}
 * that is not a number, null included, as 0 (mongod reads it as a number, and any other type reads as 0: every match
 * deleted), an update's null {@code arrayFilters} as none. mongo-java-server failed on each of these with a Java cast
 * error or NullPointerException and no code, and deleted as many documents as a {@code limit} of 2 or -1 said.
 */
final class WriteStatements {

  private WriteStatements() {}

  /** @throws MongoServerError 9, 14 or 40414 for the first statement of {@code query}, an update or a delete, mongod refuses */
  static void refuse(String command, Document query) {
    String name = command.toLowerCase(Locale.ROOT);
    if (name.equals("update") && query.get("updates") instanceof List<?> statements) {
      statements.forEach(statement -> refuseUpdate((Document) statement));
    } else if (name.equals("delete") && query.get("deletes") instanceof List<?> statements) {
      statements.forEach(statement -> refuseDelete((Document) statement));
    }
  }

  /** {@code query} with each statement's fields as mongod reads them, or {@code query} itself when no field needs it. */
  static Document asRead(String command, Document query) {
    String name = command.toLowerCase(Locale.ROOT);
    if (name.equals("update") && query.get("updates") instanceof List<?> statements) {
      return withStatements(query, "updates", statements, statement -> withoutNullFilters((Document) statement));
    }
    if (name.equals("delete") && query.get("deletes") instanceof List<?> statements) {
      return withStatements(query, "deletes", statements, statement -> withNumericLimit((Document) statement));
    }
    return query;
  }

  private static void refuseUpdate(Document statement) {
    refuseQuery("update.updates", statement);
    Object arrayFilters = statement.get("arrayFilters");
    if (arrayFilters != null && !(arrayFilters instanceof List)) {
      throw CommandArguments.wrongType("update.updates.arrayFilters", arrayFilters, "array");
    }
    if (!statement.containsKey("u")) {
      throw missing("update.updates.u");
    }
    if (!(statement.get("u") instanceof Document) && !(statement.get("u") instanceof List)) {
      throw MongodError.FAILED_TO_PARSE.error("Update argument must be either an object or an array");
    }
  }

  private static void refuseDelete(Document statement) {
    refuseQuery("delete.deletes", statement);
    if (!statement.containsKey("limit")) {
      throw missing("delete.deletes.limit");
    }
    if (statement.get("limit") instanceof Number limit && limit.doubleValue() != 0 && limit.doubleValue() != 1) {
      throw MongodError.FAILED_TO_PARSE.error(
          "The limit field in delete objects must be 0 or 1. Got " + streamed(limit.doubleValue()));
    }
  }

  /** A statement's {@code q}: a document of a declared type, so a null one is one left out. */
  private static void refuseQuery(String path, Document statement) {
    Object q = statement.get("q");
    if (q == null) {
      throw missing(path + ".q");
    }
    if (!(q instanceof Document)) {
      throw CommandArguments.wrongType(path + ".q", q, "object");
    }
  }

  private static MongoServerError missing(String path) {
    return MongodError.MISSING_FIELD.error("BSON field '" + path + "' is missing but a required field");
  }

  /** A double as C++'s output stream writes it by default, as mongod's message does: 6 significant digits, 2 as "2". */
  static String streamed(double value) {
    String text = String.format(Locale.ROOT, "%.6g", value);
    int exponent = text.indexOf('e');
    String mantissa = exponent < 0 ? text : text.substring(0, exponent);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return exponent < 0 ? mantissa : mantissa + text.substring(exponent);
  }

  private static Document withoutNullFilters(Document statement) {
    if (!statement.containsKey("arrayFilters") || statement.get("arrayFilters") != null) {
      return statement;
    }
    Document read = new Document(statement);
    read.remove("arrayFilters");
    return read;
  }

  private static Document withNumericLimit(Document statement) {
    return statement.get("limit") instanceof Number ? statement : new Document(statement).append("limit", 0);
  }

  /** {@code query} with its statements as {@code read} gives them, or {@code query} itself when it changes none. */
  private static Document withStatements(Document query, String field, List<?> given, Function<Object, Document> read) {
    List<Document> statements = given.stream().map(read).toList();
    if (statements.equals(given)) {
      return query;
    }
    Document withRead = new Document();
    for (Map.Entry<String, Object> entry : query.entrySet()) {
      withRead.put(entry.getKey(), entry.getKey().equals(field) ? statements : entry.getValue());
    }
    return withRead;
  }
}
