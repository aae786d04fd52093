package lab.portexhaustion.strategy;

/**
 * The anti-pattern from the incident (docs/background.md): a new MongoClient per request, one operation, close(). Each
 * client opens its own monitoring and pool connections, so every request leaves two or more
 * sockets in TIME_WAIT on the client side.
 */
public final class ClientPerRequestStrategy implements ConnectionStrategy {

  private final OwnClients clients;

  ClientPerRequestStrategy(OwnClients clients) {
    this.clients = clients;
  }

  @Override
  public void execute(RequestWork work) {
    try (OwnClient client = clients.open()) {
      client.run(work);
    }
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
    return "client-per-request: new MongoClient, the request's operations, close()" + clients.hookNote();
  }

  @Override
  public void close() {
    // Every client was closed by its own request.
  }
}
