package lab.portexhaustion.strategy;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.failure.SocketErrorCapture;
import lab.portexhaustion.failure.SocketErrorListener;

/**
 * A MongoClient of one request's own, for the strategies that share none. A client that cannot
 * connect fails with a server-selection timeout; the socket error behind it, which the driver
 * tells only its listeners, is attached to that failure.
 */
final class OwnClient implements AutoCloseable {

  private final SocketErrorCapture capture;
  private final MongoClient client;

  /** {@code socketErrors} hears the client's first socket error when its monitor meets it; {@code opened} counts its connections. */
  OwnClient(ConnectionString connection, HarnessSettings settings, ClientSettingsHook hook, SocketErrorListener socketErrors,
      OpenedConnections opened) {
    this.capture = new SocketErrorCapture(socketErrors);
    this.client = MongoClients.create(DriverSettings.capturing(connection, settings, hook, capture, opened.forClient()));
  }

  void run(RequestWork work) {
    try {
      work.run(client);
    } catch (RuntimeException e) {
      capture.attachTo(e);
      throw e;
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
