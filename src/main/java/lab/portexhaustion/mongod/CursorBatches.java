package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.InMemoryCursor;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A query's documents sent in batches as mongod sends them. mongo-java-server puts every document of a {@code find} or an
 * {@code aggregate} into its first batch unless the client asks for fewer ({@code aggregate} even then), and fails a
 * {@code getMore} that asks for no number. A large result then came back in one reply larger than the 48,000,000 bytes
 * the handshake announces, which the Java driver and PyMongo refuse (the Java driver closes the connection with it).
 * mongod's rules, held here: a first batch of the batch size asked for, else 101 documents; a {@code getMore} of the
 * batch size asked for, else as many as fit; any batch at most 16 MiB of documents (a larger document goes alone). The
 * documents a batch leaves stay with the cursor, under the id the client was given; {@code singleBatch} closes it. A
 * cursor no request has used for 10 minutes is closed, as mongod closes it ({@code cursorTimeoutMillis}): a client that
 * died halfway through a result (a run at its exhaustion kills many) would else leave it in the server for good. A
 * {@code getMore} names the collection it reads; mongod refuses one that names another than its cursor's (code 13),
 * where mongo-java-server, whose cursors know no collection, handed over the other collection's documents.
 */
final class CursorBatches {

  /** mongod's first batch when the client asks for no size. */
  static final int DEFAULT_FIRST_BATCH = 101;
  /** mongod's most bytes of documents in one batch. */
  static final int MAX_BATCH_BYTES = 16 * 1024 * 1024;
  /** mongod's {@code cursorTimeoutMillis}. */
  static final Duration IDLE_CURSOR_TIMEOUT = Duration.ofMinutes(10);

  private final CursorRegistry cursors;
  private final LongSupplier nanoTime;
  private final Map<Long, OpenCursor> open = new ConcurrentHashMap<>();
  private final AtomicLong nextSweepNanos;

  CursorBatches(CursorRegistry cursors) {
    this(cursors, System::nanoTime);
  }

  /** {@code nanoTime}: the clock idle cursors are timed by. */
  CursorBatches(CursorRegistry cursors, LongSupplier nanoTime) {
    this.cursors = cursors;
    this.nanoTime = nanoTime;
    this.nextSweepNanos = new AtomicLong(nanoTime.getAsLong() + IDLE_CURSOR_TIMEOUT.toNanos());
  }

  /** The batch size a command asks for: positive, or 0 for an empty first batch; empty where it asks for none. */
  static OptionalInt requested(Object batchSize) {
    return batchSize instanceof Number n && n.intValue() >= 0 ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
  }

  /** The reply of a {@code find} or an {@code aggregate}, its first batch cut to mongod's. */
  Document firstBatch(Document reply, OptionalInt requested, boolean singleBatch) {
    Document cursor = (Document) reply.get("cursor");
    long id = ((Number) cursor.get("id")).longValue();
    long kept = cut(cursor, "firstBatch", requested.orElse(DEFAULT_FIRST_BATCH), id, id);
    if (singleBatch && kept != 0) {
      cursors.remove(kept);
      kept = 0;
    }
    cursor.put("id", kept);
    used(id, kept, (String) cursor.get("ns"));
    return reply;
  }

  /**
   * Refuses a {@code getMore} of cursor {@code cursorId} that names namespace {@code namespace} ("db.collection") where the
   * cursor reads another, as mongod does; the cursor stays open. A cursor not known here is left to mongo-java-server.
   *
   * @throws MongoServerError mongod's 13 Unauthorized, or 43 CursorNotFound where the cursor was killed
   */
  void checkNamespace(long cursorId, String namespace) {
    OpenCursor cursor = open.get(cursorId);
    if (cursor != null && !cursor.namespace().equals(namespace)) {
      cursors.getCursor(cursorId); // mongod looks a cursor up first: one killed since is not found (43), as there
      throw MongodError.UNAUTHORIZED.error("Requested getMore on namespace '" + namespace
          + "', but cursor belongs to a different namespace " + cursor.namespace());
    }
  }

  /**
   * The reply of a {@code getMore} that was given every document the cursor held (and so closed it), its batch cut to
   * mongod's, the rest kept under the cursor's id.
   */
  Document nextBatch(Document reply, long cursorId, OptionalInt requested) {
    Document cursor = (Document) reply.get("cursor");
    int most = requested.stream().filter(n -> n > 0).findFirst().orElse(Integer.MAX_VALUE);
    long kept = cut(cursor, "nextBatch", most, 0, cursorId);
    cursor.put("id", kept);
    OpenCursor before = open.get(cursorId);
    used(cursorId, kept, before != null ? before.namespace() : (String) cursor.get("ns"));
    return reply;
  }

  /**
   * Notes that the cursor {@code before} was used and is now {@code after} (0: closed), reading {@code namespace}, and
   * closes those idle past {@link #IDLE_CURSOR_TIMEOUT}, looked for at most once per that time.
   */
  private void used(long before, long after, String namespace) {
    long now = nanoTime.getAsLong();
    if (before != 0 && before != after) {
      open.remove(before);
    }
    if (after != 0) {
      open.put(after, new OpenCursor(namespace, now));
    }
    long due = nextSweepNanos.get();
    if (now - due >= 0 && nextSweepNanos.compareAndSet(due, now + IDLE_CURSOR_TIMEOUT.toNanos())) {
      open.forEach((id, cursor) -> {
        if (now - cursor.lastUsedNanos() >= IDLE_CURSOR_TIMEOUT.toNanos()) {
          open.remove(id);
          cursors.remove(id); // false where the client closed it (killCursors), or read it to its end
        }
      });
    }
  }

  /** A cursor left open: the namespace it reads ("db.collection") and when a request last used it. */
  private record OpenCursor(String namespace, long lastUsedNanos) {}

  /**
   * Keeps in {@code cursor}'s batch the documents mongod would send, at most {@code most} and {@link #MAX_BATCH_BYTES};
   * those left go before what the cursor {@code held} still holds (0: none), under the id {@code idForRest} (0: a new
   * one). Returns the cursor's id after the batch: 0 where nothing is left.
   */
  private long cut(Document cursor, String batchKey, int most, long held, long idForRest) {
    @SuppressWarnings("unchecked")
    List<Document> batch = (List<Document>) cursor.get(batchKey);
    int keep = keptCount(batch, most);
    if (keep == batch.size()) {
      return held;
    }
    List<Document> left = new ArrayList<>(batch.subList(keep, batch.size()));
    cursor.put(batchKey, new ArrayList<>(batch.subList(0, keep)));
    if (held != 0) {
      Cursor rest = cursors.getCursor(held);
      if (!rest.isEmpty()) {
        left.addAll(rest.takeDocuments(Integer.MAX_VALUE));
      }
      cursors.remove(held);
    }
    long id = idForRest != 0 ? idForRest : cursors.generateCursorId();
    cursors.add(new InMemoryCursor(id, left));
    return id;
  }

  /** How many of {@code batch}'s first documents one batch takes: a single document always goes, whatever its size. */
  private static int keptCount(List<Document> batch, int most) {
    int count = Math.min(batch.size(), most);
    if (count <= 1) {
      return count;
    }
    long bytes = 0;
    for (int i = 0; i < count; i++) {
      bytes += size(batch.get(i));
      if (bytes > MAX_BATCH_BYTES && i > 0) {
        return i;
      }
    }
    return count;
  }

  private static int size(Document document) {
    ByteBuf encoded = Unpooled.buffer();
    try {
      BsonEncoder.encodeDocument(document, encoded);
      return encoded.writerIndex();
    } finally {
      encoded.release();
    }
  }
}
