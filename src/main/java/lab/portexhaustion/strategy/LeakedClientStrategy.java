package lab.portexhaustion.strategy;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The leak: a new MongoClient per request that nobody closes. Each one keeps its monitoring
 * connection (and thread) and the pooled connection of its one operation open and idle until the
 * run ends, so descriptors run out long before ports do.
 */
public final class LeakedClientStrategy implements ConnectionStrategy {

  private final OwnClients clients;
  private final Queue<OwnClient> leaked = new ConcurrentLinkedQueue<>();

  LeakedClientStrategy(OwnClients clients) {
    this.clients = clients;
  }

  @Override
  public void execute(RequestWork work) {
    OwnClient client = clients.open();
    leaked.add(client);
    client.run(work);
  }

  @Override
  public boolean usesDriver() {
    return true;
  }

  @Override
  public long connectionsOpened() {
    return clients.connectionsOpened();
  }

  @Override
  public String describe() {
    return "leaked-client: new MongoClient, the request's operations, never closed" + clients.hookNote();
  }

  /** Closes the leaked clients: the run is over, and the descriptors go back. */
  @Override
  public void close() {
    for (OwnClient client = leaked.poll(); client != null; client = leaked.poll()) {
      client.close();
    }
  }
}
