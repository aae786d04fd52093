package lab.portexhaustion.target;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The addresses the port sampler counts connections toward as the target's, each address and port, and how the log says
 * them.
 *
 * @param addresses none for a mongodb+srv name until the probe has found its hosts
 * @param unresolved the hosts said as not resolving, each as written ({@code db9.example:27019})
 * @param said the hosts and what they resolved to, or why none: for the run's log
 */
public record Followed(Set<InetSocketAddress> addresses, Set<String> unresolved, String said) {

  public Followed {
    addresses = Set.copyOf(addresses);
    unresolved = Set.copyOf(unresolved);
  }

  /** A server of one address: that address. */
  static Followed one(InetSocketAddress endpoint) {
    return new Followed(Set.of(endpoint), Set.of(), endpoint.getHostString() + ":" + endpoint.getPort());
  }

  /**
   * These addresses and those of the {@code members} the deployment named to the probe that are not among them yet: a
   * replica set's members the connection string does not list, the hosts of a mongodb+srv name's SRV record. The driver
   * connects to each of them, so their ports are the target's too.
   *
   * @param members each host as the driver knows it, unresolved
   */
  public Followed withMembers(Collection<InetSocketAddress> members) {
    Set<InetSocketAddress> all = new LinkedHashSet<>(addresses);
    Set<String> notResolving = new LinkedHashSet<>(unresolved);
    List<String> named = new ArrayList<>();
    for (InetSocketAddress member : members) {
      List<InetSocketAddress> resolved = resolve(member);
      if (resolved.isEmpty()) {
        // Said as a listed host that does not resolve is, once: the driver cannot reach it either.
        if (notResolving.add(BaseMongoTarget.address(member))) {
          named.add(said(member, resolved));
        }
      } else if (resolved.stream().noneMatch(addresses::contains)) {
        // A member with an address already followed is a listed host as the deployment names it.
        all.addAll(resolved);
        named.add(said(member, resolved));
      }
    }
    if (named.isEmpty()) {
      return this;
    }
    String found = "the hosts the deployment named to the probe: " + String.join(", ", named);
    return new Followed(all, notResolving, addresses.isEmpty() ? found : said + "; and " + found);
  }

  /** Every address {@code host}'s name resolves to (the JDK's resolver, as the driver's), at its port; none where it does not. */
  static List<InetSocketAddress> resolve(InetSocketAddress host) {
    try {
      return List.of(InetAddress.getAllByName(host.getHostString())).stream()
          .map(address -> new InetSocketAddress(address, host.getPort())).toList();
    } catch (UnknownHostException e) {
      return List.of();
    }
  }

  /** {@code db1:27017 (10.0.0.5:27017)}: the host, and what it resolved to where that is not the host as written. */
  static String said(InetSocketAddress host, List<InetSocketAddress> addresses) {
    String written = BaseMongoTarget.address(host);
    if (addresses.isEmpty()) {
      return written + " (did not resolve: not counted)";
    }
    List<String> resolved = addresses.stream().map(a -> a.getAddress().getHostAddress() + ":" + a.getPort()).toList();
    return resolved.equals(List.of(written)) ? written : written + " (" + String.join(", ", resolved) + ")";
  }
}
