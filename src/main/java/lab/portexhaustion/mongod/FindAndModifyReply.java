package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;

/**
 * {@code findAndModify}'s reply as mongod 7.0 gives it: {@code lastErrorObject} with {@code n}, an update's
 * {@code updatedExisting} and, when it inserted, the {@code upserted} id; then {@code value} and {@code ok}.
 * mongo-java-server gives {@code lastErrorObject} only when an update found a document, so a client reading it (the
 * Node.js driver's {@code includeResultMetadata}, mongosh's {@code db.runCommand}) could not tell an upsert from a miss, or
 * a removal from none. An upsert's id is in no reply of mongo-java-server's that asked for the old document, so one that
 * will insert is run asking for the new one, whole, and the reply is then cut back to what the client asked for.
 */
final class FindAndModifyReply {

  private static final String ID = "_id";

  private FindAndModifyReply() {}

  /** Whether {@code command} inserts a document: it upserts, and nothing matched its query ({@code matched}). */
  static boolean inserts(Document command, boolean matched) {
    return !matched && !EmbeddedBackend.isTrue(command.get("remove")) && EmbeddedBackend.isTrue(command.get("upsert"));
  }

  /** The command to run for {@code command}: itself, or where it inserts, one asking for the new document and its id. */
  static Document toRun(Document command, boolean matched) {
    if (!inserts(command, matched)) {
      return command;
    }
    Document run = command.clone();
    run.put("new", Boolean.TRUE);
    if (command.get("fields") instanceof Document fields) {
      Document withId = fields.clone();
      withId.remove(ID); // what is left includes the id, whether it names fields to keep or to leave out
      run.put("fields", withId);
    }
    return run;
  }

  /** mongod's reply to {@code command}, from mongo-java-server's {@code reply} to {@link #toRun}'s command. */
  static Document of(Document command, boolean matched, Document reply) {
    Object value = reply.get("value");
    Document lastError;
    if (EmbeddedBackend.isTrue(command.get("remove"))) {
      lastError = new Document("n", value != null ? 1 : 0);
    } else if (inserts(command, matched)) {
      Document inserted = (Document) value;
      lastError = new Document("n", 1).append("updatedExisting", Boolean.FALSE).append("upserted", inserted.get(ID));
      value = EmbeddedBackend.isTrue(command.get("new")) ? asProjected(command, inserted) : null;
    } else {
      lastError = new Document("n", matched ? 1 : 0).append("updatedExisting", matched);
    }
    return new Document("lastErrorObject", lastError).append("value", value).append("ok", reply.get("ok"));
  }

  /** The inserted document without its id where the client's {@code fields} left it out. */
  private static Document asProjected(Document command, Document inserted) {
    if (command.get("fields") instanceof Document fields && fields.containsKey(ID) && !EmbeddedBackend.isTrue(fields.get(ID))) {
      Document withoutId = inserted.clone();
      withoutId.remove(ID);
      return withoutId;
    }
    return inserted;
  }
}
