package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import java.util.Map;

/**
 * mongo-java-server's in-memory collection, whose upserts insert with an {@code _id} made as mongod makes it: an
 * ObjectId whose first four bytes are the time (mongo-java-server draws all twelve at random, so its ids do not sort by
 * time). Only where the server makes the id: an upsert whose filter and update name no {@code _id}; drivers make the ids
 * of the documents they insert themselves.
 *
 * <p>An operator update gets the id as {@code $setOnInsert._id}, which counts only if the upsert inserts. A replacement
 * cannot say "on insert": it gets the id only when nothing matches its filter. mongo-java-server does not lock a
 * collection, so every write here holds this collection's monitor: no insert or delete lands between that check and the
 * update.
 */
final class TimeBasedUpsertCollection extends MemoryCollection {

  private static final String ID = "_id";

  TimeBasedUpsertCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
    super(database, name, options, cursors);
  }

  @Override
  public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters, boolean multi,
      boolean upsert, Oplog oplog) {
    Document withId = upsert ? withTimeBasedId(selector, update) : update;
    return super.updateDocuments(selector, withId, arrayFilters, multi, upsert, oplog);
  }

  @Override
  public synchronized List<Document> insertDocuments(List<Document> documents, boolean isOrdered) {
    return super.insertDocuments(documents, isOrdered);
  }

  @Override
  public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
    return super.deleteDocuments(selector, limit, oplog);
  }

  /** Also answers as mongod answers ({@link FindAndModifyReply}), which needs to know whether the query found a document. */
  @Override
  public synchronized Document findAndModify(Document command) {
    Document selector = command.get("query") instanceof Document query ? query : new Document();
    boolean matched = count(selector, 0, 1) > 0;
    Document run = FindAndModifyReply.toRun(command, matched);
    if (EmbeddedBackend.isTrue(run.get("upsert")) && run.get("update") instanceof Document update) {
      run = run.clone();
      run.put("update", withTimeBasedId(selector, update));
    }
    return FindAndModifyReply.of(command, matched, super.findAndModify(run));
  }

  /** The update an upsert runs: {@code update} itself, or with a time-based {@code _id} for the document it may insert. */
  private Document withTimeBasedId(Document selector, Document update) {
    if (selector.containsKey(ID) || namesId(update)) {
      return update;
    }
    if (!isOperatorUpdate(update)) {
      if (count(selector, 0, 1) > 0) {
        return update; // it replaces a document and keeps that one's _id
      }
      Document replacement = update.clone();
      replacement.put(ID, timeBasedId());
      return replacement;
    }
    Document withId = update.clone();
    Document onInsert = withId.get("$setOnInsert") instanceof Document given ? given.clone() : new Document();
    onInsert.put(ID, timeBasedId());
    withId.put("$setOnInsert", onInsert);
    return withId;
  }

  /** An ObjectId made now, as mongod's and the drivers' are: seconds since the epoch, then a process value and a counter. */
  private static ObjectId timeBasedId() {
    return new ObjectId(new org.bson.types.ObjectId().toByteArray());
  }

  private static boolean isOperatorUpdate(Document update) {
    return update.keySet().stream().anyMatch(key -> key.startsWith("$"));
  }

  /** Whether the update sets {@code _id} itself: a replacement's own field, or one of an operator's. */
  private static boolean namesId(Document update) {
    if (!isOperatorUpdate(update)) {
      return update.containsKey(ID);
    }
    return update.values().stream().anyMatch(fields -> fields instanceof Map<?, ?> map
        && map.keySet().stream().anyMatch(field -> field.equals(ID) || String.valueOf(field).startsWith(ID + ".")));
  }
}
