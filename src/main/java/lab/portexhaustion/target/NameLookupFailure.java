package lab.portexhaustion.target;

import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;

/**
 * The target's name that could not be turned into an address, found in a failed probe: a host the resolver does not know
 * ({@link UnknownHostException}) or a {@code mongodb+srv://} name whose SRV record DNS does not hold (a
 * {@link NamingException}). Either way no server was ever asked, which a server-selection timeout alone does not say.
 */
final class NameLookupFailure {

  /**
   * @param srv true for the SRV record of a {@code mongodb+srv://} name, false for a host's address
   * @param notFound true when the lookup answered that the name does not exist, false when the lookup itself failed
   *     (no DNS server answered, for one)
   * @param host the host name, where the failure names it
   * @param detail the resolver's own words, where the failure gives them
   */
  record Lookup(boolean srv, boolean notFound, Optional<String> host, Optional<String> detail) {}

  private NameLookupFailure() {}

  static Optional<Lookup> in(Throwable failure) {
    Deque<Throwable> pending = new ArrayDeque<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    pending.add(failure);
    while (!pending.isEmpty()) {
      Throwable t = pending.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (t instanceof NamingException) {
        boolean notFound = t instanceof NameNotFoundException;
        return Optional.of(new Lookup(true, notFound, Optional.empty(), Optional.ofNullable(t.getMessage())));
      }
      if (t instanceof UnknownHostException) {
        // The JDK's text is "host: reason" or the host alone; a temporary failure is the resolver's, not an answer about the name.
        String text = String.valueOf(t.getMessage());
        int colon = text.indexOf(": ");
        Optional<String> reason = colon < 0 ? Optional.empty() : Optional.of(text.substring(colon + 2));
        boolean notFound = reason.map(r -> !r.toLowerCase().contains("temporary")).orElse(true);
        return Optional.of(new Lookup(false, notFound, Optional.of(colon < 0 ? text : text.substring(0, colon)), reason));
      }
      Optional.ofNullable(t.getCause()).ifPresent(pending::add);
      Collections.addAll(pending, t.getSuppressed());
    }
    return Optional.empty();
  }
}
