package lab.portexhaustion.target;

import java.net.InetSocketAddress;
import java.util.Set;

/**
 * The addresses the port sampler counts connections toward as the target's, each address and port, and how the log says
 * them.
 *
 * @param addresses none for a mongodb+srv name, whose hosts only the driver looks up
 * @param said the hosts and what they resolved to, or why none: for the run's log
 */
public record Followed(Set<InetSocketAddress> addresses, String said) {

  public Followed {
    addresses = Set.copyOf(addresses);
  }

  /** A server of one address: that address. */
  static Followed one(InetSocketAddress endpoint) {
    return new Followed(Set.of(endpoint), endpoint.getHostString() + ":" + endpoint.getPort());
  }
}
