package lab.portexhaustion.mongod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A write's list of statements, checked on its own: what it takes does not hang on {@link TypedFields} having run
 * first (it cast the list, and a string in its place failed with a Java cast error).
 */
class WriteBatchesTest {

  @Test
  void aListLeftOutOrOfAnotherTypeIsLeftToTheTypedFields() {
    assertThatCode(() -> WriteBatches.refuse("insert", new Document("insert", "orders").append("documents", "x")))
        .doesNotThrowAnyException();
    assertThatCode(() -> WriteBatches.refuse("delete", new Document("delete", "orders"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> TypedFields.refuse("insert", new Document("insert", "orders").append("documents", "x")))
        .isInstanceOfSatisfying(MongoServerError.class, e -> assertThat(e.getCode()).isEqualTo(14));
  }

  @Test
  void anEmptyListOrAStatementThatIsNotADocumentIsRefused() {
    assertThatThrownBy(() -> WriteBatches.refuse("update", new Document("update", "orders").append("updates", List.of())))
        .isInstanceOfSatisfying(MongoServerError.class, e -> {
          assertThat(e.getCode()).isEqualTo(16);
          assertThat(e.getCodeName()).isEqualTo("InvalidLength");
        });
    assertThatThrownBy(() -> WriteBatches.refuse("insert", new Document("insert", "orders").append("documents", List.of(new Document(), 2))))
        .isInstanceOfSatisfying(MongoServerError.class, e -> assertThat(e.getMessageWithoutErrorCode())
            .isEqualTo("BSON field 'insert.documents.1' is the wrong type 'int', expected type 'object'"));
    assertThatCode(() -> WriteBatches.refuse("insert", new Document("insert", "orders").append("documents", List.of(new Document()))))
        .doesNotThrowAnyException();
  }
}
