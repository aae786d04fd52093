package lab.portexhaustion.mongod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.InMemoryCursor;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A read's {@code maxTimeMS} on the server's own cursors; the drivers' view of it is {@code ListingsAndTimeLimitsTest}'s. */
class ReadTimeLimitTest {

  /** The reply of a read that ran out of time is dropped, and with it the cursor it opened. */
  @Test
  void theCursorOfAReadThatRanOutOfTimeIsClosed() {
    CursorRegistry cursors = new CursorRegistry();
    long id = cursors.generateCursorId();
    cursors.add(new InMemoryCursor(id, List.of(new Document("_id", 1))));
    Document query = new Document("find", "orders").append("maxTimeMS", 1);

    assertThatThrownBy(() -> new ReadTimeLimit(cursors).within("find", query, () -> {
      sleep(20);
      return new Document("cursor", new Document("id", id));
    })).isInstanceOf(MongoServerError.class).hasMessageContaining("operation exceeded time limit");
    assertThat(cursors.size()).isZero();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
