package lab.portexhaustion.strategy;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Date;
import java.util.concurrent.CompletionStage;
import lab.portexhaustion.config.OperationKind;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The request the {@code operation} setting names: through a driver, one or two small round trips; over a bare
 * connection, one handshake command.
 */
final class MongoOperation implements RequestWork {

  static final String PREPARED_ID = "prepared";
  private static final String PAYLOAD = "x".repeat(64);

  private final OperationKind kind;
  private final String database;
  private final String collection;

  MongoOperation(OperationKind kind, String database, String collection) {
    this.kind = kind;
    this.database = database;
    this.collection = collection;
  }

  /** Makes sure a plain {@code find} has a document to find. */
  void prepare(MongoClient client) {
    collection(client).replaceOne(eq("_id", PREPARED_ID), document(PREPARED_ID), new ReplaceOptions().upsert(true));
  }

  @Override
  public CompletionStage<Void> run(WireExchange wire) {
    return wire.command("admin", new BsonDocument(wire.handshakeCommand(), new BsonInt32(1))).thenApply(reply -> null);
  }

  @Override
  public void run(MongoClient client) {
    switch (kind) {
      case PING -> client.getDatabase(database).runCommand(new Document("ping", 1));
      case INSERT -> collection(client).insertOne(document(new ObjectId()));
      case FIND -> findById(client, PREPARED_ID);
      case INSERT_THEN_FIND -> {
        ObjectId id = new ObjectId();
        collection(client).insertOne(document(id));
        findById(client, id);
      }
    }
  }


  private void findById(MongoClient client, Object id) {
    if (collection(client).find(eq("_id", id)).first() == null) {
      throw new IllegalStateException("document " + id + " not found right after it was written");
    }
  }

  private MongoCollection<Document> collection(MongoClient client) {
    return client.getDatabase(database).getCollection(collection);
  }

  private static Document document(Object id) {
    return new Document("_id", id).append("at", new Date()).append("payload", PAYLOAD);
  }
}
