package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A read's {@code maxTimeMS}, which mongo-java-server ignores: a read that took longer fails as on mongod, code 50
 * {@code MaxTimeMSExpired}, so that a workload bounding its reads sees them fail where the server is slow. mongod stops
 * such a read when its time is up; here it runs to its end and its answer is dropped, with any cursor it opened, so the
 * error comes no sooner than the read would have ended. Writes are left to run as before, an aggregate that writes
 * ({@code $out}, {@code $merge}) among them: a write cannot be undone after it ran, and a client told it failed would
 * retry it.
 */
final class ReadTimeLimit {

  private static final Set<String> READS = Set.of("find", "aggregate", "count", "distinct");
  private static final Set<String> WRITING_STAGES = Set.of("$out", "$merge");

  private final CursorRegistry cursors;

  ReadTimeLimit(CursorRegistry cursors) {
    this.cursors = cursors;
  }

  /** {@code answer}'s reply to {@code command}, or code 50 where it is a read that took longer than its maxTimeMS. */
  Document within(String command, Document query, Supplier<Document> answer) {
    if (!(query.get("maxTimeMS") instanceof Number limit) || limit.longValue() <= 0 || !isRead(command, query)) {
      return answer.get();
    }
    long started = System.nanoTime();
    Document reply = answer.get();
    if ((System.nanoTime() - started) / 1_000_000 <= limit.longValue()) {
      return reply;
    }
    if (reply.get("cursor") instanceof Document cursor && cursor.get("id") instanceof Number id && id.longValue() != 0) {
      cursors.remove(id.longValue());
    }
    throw MongodError.MAX_TIME_MS_EXPIRED.error("operation exceeded time limit");
  }

  /** A read: one of {@link #READS}, drivers' names in any case, and not an aggregate whose pipeline writes. */
  private static boolean isRead(String command, Document query) {
    String name = command.toLowerCase(Locale.ROOT);
    if (!READS.contains(name)) {
      return false;
    }
    return !name.equals("aggregate") || !(query.get("pipeline") instanceof List<?> stages)
        || stages.stream().noneMatch(stage -> stage instanceof Document d && d.keySet().stream().anyMatch(WRITING_STAGES::contains));
  }
}
