package lab.portexhaustion.strategy;

import java.net.InetSocketAddress;
import lab.portexhaustion.target.MongoTarget;

/** How the raw strategies' log line names where they connect. */
final class RawEndpoint {

  private RawEndpoint() {}

  /**
   * {@code host:port}, and, where the connection string lists several hosts, that it is the first and the others get no
   * raw connection: the raw strategies connect there alone, while the driver-based ones reach every host. For a
   * mongodb+srv name, the host is the first the probe found behind it.
   */
  static String describe(MongoTarget target) {
    InetSocketAddress endpoint = target.endpoint();
    String said = endpoint.getHostString() + ":" + endpoint.getPort();
    if (target.connectionString().isSrvProtocol()) {
      return said + " (the first server the probe found behind the mongodb+srv name; the others get no raw connection)";
    }
    int hosts = target.connectionString().getHosts().size();
    return said + (hosts > 1 ? " (the first of the " + hosts + " hosts listed; the others get no raw connection)" : "");
  }
}
