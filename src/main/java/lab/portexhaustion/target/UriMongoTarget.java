package lab.portexhaustion.target;

import com.mongodb.ConnectionString;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import lab.portexhaustion.config.UriRedaction;

/**
 * Any deployment named by a connection string. The harness starts and stops nothing.
 *
 * <p>The driver connects to every host the string lists (and to those the deployment names in its answers), so the
 * sampler counts the connections toward every address of every listed host. Raw sockets (raw-socket, keep-alive) connect
 * to the first host alone: the model and the verdict take one destination's ports, and a raw connection, one per
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
    List<String> said = new ArrayList<>();
    if (connection.isSrvProtocol()) {
      said.add("none: the hosts of a mongodb+srv name are in its SRV record, which the driver looks up and the harness does"
          + " not, so ports toward the target are not counted (those toward any destination are)");
    } else {
      for (InetSocketAddress host : hosts) {
        List<InetSocketAddress> addresses = addresses(host);
        followed.addAll(addresses);
        said.add(said(host, addresses));
      }
    }
    TargetDescription description = new TargetDescription("uri", "MongoDB deployment", "", address(endpoint),
        UriRedaction.redact(connection.getConnectionString()), reason);
    return new UriMongoTarget(connection, endpoint, description, new Followed(followed, String.join(", ", said)));
  }

  @Override
  public Followed followed() {
    return followed;
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

  /** {@code db1:27017 (10.0.0.5:27017)}: the host, and what it resolved to where that is not the host as written. */
  private static String said(InetSocketAddress host, List<InetSocketAddress> addresses) {
    if (addresses.isEmpty()) {
      return address(host) + " (did not resolve: not counted)";
    }
    List<String> resolved = addresses.stream().map(a -> a.getAddress().getHostAddress() + ":" + a.getPort()).toList();
    return resolved.equals(List.of(address(host))) ? address(host) : address(host) + " (" + String.join(", ", resolved) + ")";
  }

  /** Every address the host's name resolves to, at its port; none where it does not resolve. */
  private static List<InetSocketAddress> addresses(InetSocketAddress host) {
    try {
      return List.of(InetAddress.getAllByName(host.getHostString())).stream()
          .map(address -> new InetSocketAddress(address, host.getPort())).toList();
    } catch (UnknownHostException e) {
      return List.of();
    }
  }

  @Override
  public void close() {
    // Nothing was started here.
  }
}
