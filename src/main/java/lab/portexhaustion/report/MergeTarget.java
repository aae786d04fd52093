package lab.portexhaustion.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lab.portexhaustion.config.UriRedaction;
import lab.portexhaustion.target.TargetDescription;

/**
 * The one target a merge's runs must share. A merge sums its runs' requests, ports and connections toward their target
 * as the load one server met; runs that went to different targets (another host or port: each run's own embedded
 * server, each round of a fleet with its server on a port of its own) add up to no such load, and are refused. The
 * target is the address the load went to ({@code host:port}, as each run's conditions.json records it), not the
 * connection string: one server's clients may reach it with credentials or options of their own, by its host name in
 * any case, and this machine's loopback under any of its names ({@code localhost}, {@code 127.0.0.1}, {@code ::1}). A
 * connection string of several hosts is the exception: the address is its first host alone, so the whole list is the
 * target, in any order.
 */
final class MergeTarget {

  /**
   * The names a run records for this machine's loopback: the name, and the addresses the JDK writes for it. Not the rest
   * of 127.0.0.0/8: a server listening on 127.0.0.1 alone is not at 127.0.0.2.
   */
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1");
  private static final String ONE_LOOPBACK = "loopback";
  private static final int DEFAULT_PORT = 27017;

  private MergeTarget() {}

  /**
   * Refuses {@code runs} unless they all went to one address: one paragraph names each target, its connection string
   * redacted, and the folders of the runs that went to it, in the order the runs were given.
   */
  static void requireOne(List<RunResults> runs) {
    // Runs whose conditions.json records no address form one group: merged among themselves, refused beside others.
    Map<Optional<String>, List<RunResults>> byAddress = new LinkedHashMap<>();
    for (RunResults run : runs) {
      byAddress.computeIfAbsent(target(run.conditions().target()), a -> new ArrayList<>()).add(run);
    }
    if (byAddress.size() <= 1) {
      return;
    }
    String targets = byAddress.values().stream()
        .map(same -> describe(same.get(0).conditions().target()) + ": "
            + same.stream().map(run -> "'" + run.folder() + "'").collect(Collectors.joining(", ")))
        .collect(Collectors.joining("; "));
    throw new CompareCommand.UsageException("--merge merges the runs of one target, summing their requests, ports and"
        + " connections as the load that one server met, and these went to " + byAddress.size() + " targets: " + targets
        + ". Merge each target's runs on their own (--out a folder for each); nothing was written.");
  }

  private static Optional<String> address(TargetDescription target) {
    return target == null ? Optional.empty() : Optional.ofNullable(target.address());
  }

  /**
   * The target a run's load went to: the hosts its connection string lists, where it lists more than one, in any order
   * (the driver contacts each host listed and learns the rest of the deployment from whichever answers, and the recorded
   * address is only the first of them); else its address.
   */
  private static Optional<String> target(TargetDescription target) {
    return address(target).map(address -> {
      List<String> hosts = target.connection() == null ? List.of() : hosts(target.connection());
      return hosts.size() > 1 ? hosts.stream().map(MergeTarget::oneTarget).sorted().distinct().collect(Collectors.joining(","))
          : oneTarget(address);
    });
  }

  /**
   * The hosts of a connection string, each {@code host:port} with the driver's default port where it gives none: the text
   * between the scheme and the first {@code /} or {@code ?}, after the user information (up to its last {@code @}).
   *
   * <p>Parsed here, not by the driver's {@code ConnectionString}: its constructor looks up the TXT record of a
   * {@code mongodb+srv} name (driver-core 5.14.0 calls {@code DefaultDnsResolver.resolveAdditionalQueryParametersFromTxtRecords}
   * as it parses: a query to port 53 for the name, some 140 ms here), so reading run folders would query DNS for every
   * such run, on a machine that may have no resolver for the target's names.
   */
  private static List<String> hosts(String connection) {
    int scheme = connection.indexOf("://");
    if (scheme < 0) {
      return List.of();
    }
    String authority = connection.substring(scheme + 3).split("[/?]", 2)[0];
    String hostList = authority.substring(authority.lastIndexOf('@') + 1);
    return Stream.of(hostList.split(",")).map(String::strip).filter(host -> !host.isEmpty())
        .map(host -> host.endsWith("]") || host.lastIndexOf(':') < 0 ? host + ":" + DEFAULT_PORT : host).toList();
  }

  /**
   * {@code host:port} under one spelling for one target: the host in lower case, as DNS compares names, and a loopback
   * host under one name, whichever the run recorded.
   */
  private static String oneTarget(String address) {
    int colon = address.lastIndexOf(':');
    if (colon < 0) {
      return address.toLowerCase(Locale.ROOT);
    }
    String host = address.substring(0, colon).replace("[", "").replace("]", "").toLowerCase(Locale.ROOT);
    return (LOOPBACK.contains(host) ? ONE_LOOPBACK : host) + address.substring(colon);
  }

  private static String describe(TargetDescription target) {
    if (address(target).isEmpty()) {
      return "no target recorded in conditions.json";
    }
    String connection = target.connection() == null ? "" : " (" + UriRedaction.redact(target.connection()) + ")";
    return target.kind() + " target " + target.address() + connection;
  }
}
