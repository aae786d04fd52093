package lab.portexhaustion.mongod;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A cursor left open by a client that never came back is closed after mongod's 10 idle minutes; one in use is kept. */
class CursorBatchesTest {

  private final AtomicLong now = new AtomicLong();
  private final CursorRegistry cursors = new CursorRegistry();
  private final CursorBatches batches = new CursorBatches(cursors, now::get);

  @Test
  void aCursorIdleForTenMinutesIsClosedAndOneInUseIsKept() {
    long abandoned = firstBatchOf(150);
    long readOn = firstBatchOf(150);
    assertThat(cursors.size()).isEqualTo(2);

    now.addAndGet(Duration.ofMinutes(9).toNanos());
    batches.nextBatch(getMoreReply(readOn), readOn, OptionalInt.of(10));
    now.addAndGet(Duration.ofMinutes(2).toNanos()); // 11 minutes for the first, 2 since the second was used
    firstBatchOf(1); // any request looks for idle cursors, once per 10 minutes at most

    assertThat(cursors.size()).isEqualTo(1);
    assertThat(cursors.getCursor(readOn).isEmpty()).isFalse();
    assertThat(abandoned).isNotEqualTo(readOn);
  }

  /** A find's reply of {@code count} documents all in its first batch, as mongo-java-server gives it; the cursor's id. */
  private long firstBatchOf(int count) {
    Document reply = new Document("cursor", new Document("id", 0L).append("ns", "test.items")
        .append("firstBatch", IntStream.range(0, count).mapToObj(i -> new Document("_id", i)).toList()));
    Document cut = batches.firstBatch(reply, OptionalInt.empty(), false);
    return ((Number) ((Document) cut.get("cursor")).get("id")).longValue();
  }

  /** A getMore's reply with every document the cursor held, the cursor emptied and closed, as mongo-java-server gives it. */
  private Document getMoreReply(long id) {
    List<Document> documents = cursors.getCursor(id).takeDocuments(Integer.MAX_VALUE);
    cursors.remove(id);
    return new Document("cursor", new Document("id", 0L).append("ns", "test.items").append("nextBatch", documents));
  }
}
