package lab.portexhaustion.target;

import com.mongodb.ConnectionString;
import java.net.InetSocketAddress;
import lab.portexhaustion.config.UriRedaction;

/** Any deployment named by a connection string. The harness starts and stops nothing. */
public final class UriMongoTarget extends BaseMongoTarget {

  private static final int DEFAULT_PORT = 27017;

  private UriMongoTarget(ConnectionString connection, InetSocketAddress endpoint, TargetDescription description) {
    super(connection, endpoint, description);
  }

  public static UriMongoTarget of(ConnectionString connection, String reason) {
    InetSocketAddress endpoint = firstHost(connection);
    TargetDescription description = new TargetDescription("uri", "MongoDB deployment", "", address(endpoint),
        UriRedaction.redact(connection.getConnectionString()), reason);
    return new UriMongoTarget(connection, endpoint, description);
  }

  /** Raw sockets and the sampler follow the first host of the list (for mongodb+srv, the SRV name itself). */
  private static InetSocketAddress firstHost(ConnectionString connection) {
    String host = connection.getHosts().get(0);
    int colon = host.lastIndexOf(':');
    boolean hasPort = colon > 0 && !host.endsWith("]");
    String name = hasPort ? host.substring(0, colon) : host;
    int port = hasPort ? Integer.parseInt(host.substring(colon + 1)) : DEFAULT_PORT;
    return new InetSocketAddress(name.replace("[", "").replace("]", ""), port);
  }

  @Override
  public void close() {
    // Nothing was started here.
  }
}
