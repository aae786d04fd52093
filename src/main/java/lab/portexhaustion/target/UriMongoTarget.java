package lab.portexhaustion.target;

import com.mongodb.ConnectionString;
import java.net.InetSocketAddress;
import lab.portexhaustion.config.UriRedaction;

/** Any deployment named by a connection string. The harness starts and stops nothing. */
public final class UriMongoTarget implements MongoTarget {

  private static final int DEFAULT_PORT = 27017;

  private final ConnectionString connection;
  private final InetSocketAddress endpoint;
  private final TargetDescription description;

  private UriMongoTarget(ConnectionString connection, InetSocketAddress endpoint, TargetDescription description) {
    this.connection = connection;
    this.endpoint = endpoint;
    this.description = description;
  }

  public static UriMongoTarget of(ConnectionString connection, String reason) {
    String redacted = UriRedaction.redact(connection.getConnectionString());
    InetSocketAddress endpoint = firstHost(connection);
    String address = endpoint.getHostString() + ":" + endpoint.getPort();
    return new UriMongoTarget(connection, endpoint, new TargetDescription("uri", "MongoDB deployment", "", address, redacted, reason));
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
  public ConnectionString connectionString() {
    return connection;
  }

  @Override
  public InetSocketAddress endpoint() {
    return endpoint;
  }

  @Override
  public TargetDescription description() {
    return description;
  }

  @Override
  public void close() {
    // Nothing was started here.
  }
}
