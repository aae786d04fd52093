package lab.portexhaustion.target;

import com.mongodb.ConnectionString;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import lab.portexhaustion.config.UriRedaction;

/**
 * Any deployment named by a connection string. The harness starts and stops nothing.
 *
 * <p>The driver connects to every host the string lists and to those the deployment names in its answers, so the
 * sampler counts the connections toward every address of every listed host, and of every host the probe learns of
 * ({@link Followed#withMembers}). Raw sockets (raw-socket, keep-alive) connect
 * to the first host alone (for a mongodb+srv name, the first the probe found): the model and the verdict take one destination's ports, and a raw connection, one per
 * request, has no server to choose the way the driver does.
 */
public final class UriMongoTarget extends BaseMongoTarget {

  private static final int DEFAULT_PORT = 27017;

  private final Followed followed;

  private UriMongoTarget(ConnectionString connection, InetSocketAddress endpoint, TargetDescription description, Followed followed) {
    super(connection, endpoint, description);
    this.followed = followed;
  }

  /** Resolves each listed host's name now (the JDK's resolver, as the driver's), except a mongodb+srv name's. */
  public static UriMongoTarget of(ConnectionString connection, String reason) {
    List<InetSocketAddress> hosts = connection.getHosts().stream().map(UriMongoTarget::unresolved).toList();
    InetSocketAddress endpoint = resolvedOrNot(hosts.get(0));
    Set<InetSocketAddress> followed = new LinkedHashSet<>();
    Set<String> unresolved = new LinkedHashSet<>();
    List<String> said = new ArrayList<>();
    if (connection.isSrvProtocol()) {
      // The probe's driver looks the record up, and the hosts it finds are followed from then on (Followed.withMembers).
      said.add("none yet: the hosts of a mongodb+srv name are in its SRV record, which the driver looks up");
    } else {
      for (InetSocketAddress host : hosts) {
        List<InetSocketAddress> addresses = Followed.resolve(host);
        followed.addAll(addresses);
        if (addresses.isEmpty()) {
          unresolved.add(address(host));
        }
        said.add(Followed.said(host, addresses));
      }
    }
    TargetDescription description = new TargetDescription("uri", "MongoDB deployment", "", address(endpoint),
        UriRedaction.redact(connection.getConnectionString()), reason);
    return new UriMongoTarget(connection, endpoint, description, new Followed(followed, unresolved, String.join(", ", said)));
  }

  @Override
  public Followed followed() {
    return followed;
  }

  /** For a mongodb+srv name, the same deployment with raw sockets toward the first server the probe found. */
  @Override
  public MongoTarget afterProbe(List<InetSocketAddress> members) {
    if (!connectionString().isSrvProtocol() || members.isEmpty()) {
      return this;
    }
    return new UriMongoTarget(connectionString(), resolvedOrNot(members.get(0)), description(), followed.withMembers(members));
  }

  /** A listed host, {@code name} or {@code name:port}, IPv6 in brackets, with the default port where it gives none. */
  private static InetSocketAddress unresolved(String host) {
    int colon = host.lastIndexOf(':');
    boolean hasPort = colon > 0 && !host.endsWith("]");
    String name = hasPort ? host.substring(0, colon) : host;
    int port = hasPort ? Integer.parseInt(host.substring(colon + 1)) : DEFAULT_PORT;
    return InetSocketAddress.createUnresolved(name.replace("[", "").replace("]", ""), port);
  }

  /** The first of the host's addresses, as raw sockets connect; unresolved where it has none. */
  private static InetSocketAddress resolvedOrNot(InetSocketAddress host) {
    return new InetSocketAddress(host.getHostString(), host.getPort());
  }

  @Override
  public void close() {
    // Nothing was started here.
  }
}
