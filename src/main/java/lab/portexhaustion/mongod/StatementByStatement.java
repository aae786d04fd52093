package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An {@code update} or {@code delete} run one statement at a time, so that it stops at its first failed statement when
 * ordered and goes on when not, as mongod 7.0 does. mongo-java-server read the flag for its log alone: an ordered update
 * went on past a statement that failed (a duplicate key), counting the statements after it, and a delete stopped at its
 * first failed statement even when unordered. Each statement's reply is merged into one, its {@code index} fields
 * (in {@code upserted} and {@code writeErrors}) put back to the statement's place in the command; a statement
 * mongo-java-server refuses whole (a bad query operator) becomes that statement's write error, as in mongod.
 */
final class StatementByStatement {

  private StatementByStatement() {}

  /** Whether {@code command} is a write this class runs: an update or a delete. */
  static boolean applies(String command, Document query) {
    String statements = statementsField(command);
    return statements != null && query.get(statements) instanceof List<?> list && !list.isEmpty();
  }

  /** Runs {@code query}'s statements one by one through {@code run}, stopping at the first failure when ordered. */
  static Document run(String command, Document query, UnaryOperator<Document> run) {
    String field = statementsField(command);
    List<?> statements = (List<?>) query.get(field);
    boolean ordered = !Boolean.FALSE.equals(query.get("ordered"));
    long n = 0;
    long nModified = 0;
    List<Document> upserted = new ArrayList<>();
    List<Document> writeErrors = new ArrayList<>();
    for (int index = 0; index < statements.size(); index++) {
      Document reply;
      try {
        reply = run.apply(new Document(query).append(field, List.of(statements.get(index))));
      } catch (MongoServerError e) {
        // mongod reports a statement it cannot run (a bad operator in its query) as that statement's write error.
        reply = new Document("n", 0).append("writeErrors",
            List.of(new Document("index", 0).append("code", e.getCode()).append("errmsg", e.getMessageWithoutErrorCode())));
      }
      n += ((Number) reply.getOrDefault("n", 0)).longValue();
      if (reply.get("nModified") instanceof Number modified) {
        nModified += modified.longValue();
      }
      upserted.addAll(placed(reply.get("upserted"), index));
      List<Document> failed = placed(reply.get("writeErrors"), index);
      writeErrors.addAll(failed);
      if (ordered && !failed.isEmpty()) {
        break;
      }
    }
    Document merged = new Document("n", n);
    if (command.equalsIgnoreCase("update")) {
      merged.append("nModified", nModified);
    }
    if (!upserted.isEmpty()) {
      merged.append("upserted", upserted);
    }
    if (!writeErrors.isEmpty()) {
      merged.append("writeErrors", writeErrors);
    }
    return merged.append("ok", 1.0);
  }

  private static String statementsField(String command) {
    if (command.equalsIgnoreCase("update")) {
      return "updates";
    }
    return command.equalsIgnoreCase("delete") ? "deletes" : null;
  }

  /** A one-statement reply's entries with their {@code index} set to the statement's place in the command. */
  private static List<Document> placed(Object entries, int index) {
    List<Document> placed = new ArrayList<>();
    if (entries instanceof List<?> list) {
      for (Object entry : list) {
        placed.add(new Document((Document) entry).append("index", index));
      }
    }
    return placed;
  }
}
