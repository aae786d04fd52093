package lab.portexhaustion.target;

import com.mongodb.ConnectionString;
import java.net.InetSocketAddress;
import lab.portexhaustion.config.MonitoringMode;
import lab.portexhaustion.model.ServerSide;

/** What every target holds once it runs: its endpoint, its connection string and its description. */
abstract class BaseMongoTarget implements MongoTarget {

  private final ConnectionString connection;
  private final InetSocketAddress endpoint;
  private final TargetDescription description;

  BaseMongoTarget(ConnectionString connection, InetSocketAddress endpoint, TargetDescription description) {
    this.connection = connection;
    this.endpoint = endpoint;
    this.description = description;
  }

  /** A direct connection to one server, for the targets the harness starts itself. */
  static ConnectionString directConnection(InetSocketAddress endpoint) {
    return new ConnectionString("mongodb://" + address(endpoint) + "/?directConnection=true");
  }

  static String address(InetSocketAddress endpoint) {
    return endpoint.getHostString() + ":" + endpoint.getPort();
  }

  @Override
  public ConnectionString connectionString() {
    return connection;
  }

  @Override
  public InetSocketAddress endpoint() {
    return endpoint;
  }

  /** A real mongod in another process: it streams heartbeats unless told to poll. */
  @Override
  public ServerSide serverSide(MonitoringMode monitoring) {
    return new ServerSide(false, monitoring != MonitoringMode.POLL);
  }

  @Override
  public TargetDescription description() {
    return description;
  }
}
