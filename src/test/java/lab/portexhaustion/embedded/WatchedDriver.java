package lab.portexhaustion.embedded;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import lab.portexhaustion.target.EmbeddedMongoTarget;
import org.bson.BsonDocument;

/**
 * A test's own embedded server and the real Java driver's client of it, every command the client sent and every reply
 * that holds a cursor kept (copies: an event's document reads the driver's buffer, reused once it is done); closed together.
 */
final class WatchedDriver implements AutoCloseable {

  final EmbeddedMongoTarget server;
  final MongoClient client;
  final List<BsonDocument> sent = new CopyOnWriteArrayList<>();
  final List<BsonDocument> cursorReplies = new CopyOnWriteArrayList<>();

  private WatchedDriver() {
    server = EmbeddedMongoTarget.start("test");
    client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(server.connectionString())
        .addCommandListener(new CommandListener() {
          @Override
          public void commandStarted(CommandStartedEvent event) {
            sent.add(event.getCommand().clone());
          }

          @Override
          public void commandSucceeded(CommandSucceededEvent event) {
            if (event.getResponse().containsKey("cursor")) {
              cursorReplies.add(event.getResponse().clone());
            }
          }
        }).build());
  }

  static WatchedDriver start() {
    return new WatchedDriver();
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
