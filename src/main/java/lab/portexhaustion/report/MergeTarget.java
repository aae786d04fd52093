package lab.portexhaustion.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lab.portexhaustion.config.UriRedaction;
import lab.portexhaustion.target.TargetDescription;

/**
 * The one target a merge's runs must share. A merge sums its runs' requests, ports and connections toward their target
 * as the load one server met; runs that went to different targets (another host or port: each run's own embedded
 * server, each round of a fleet with its server on a port of its own) add up to no such load, and are refused. The
 * target is the address the load went to ({@code host:port}, as each run's conditions.json records it), not the
 * connection string: one server's clients may reach it with credentials or options of their own.
 */
final class MergeTarget {

  private MergeTarget() {}

  /**
   * Refuses {@code runs} unless they all went to one address: one paragraph names each target, its connection string
   * redacted, and the folders of the runs that went to it, in the order the runs were given.
   */
  static void requireOne(List<RunResults> runs) {
    // Runs whose conditions.json records no address form one group: merged among themselves, refused beside others.
    Map<Optional<String>, List<RunResults>> byAddress = new LinkedHashMap<>();
    for (RunResults run : runs) {
      byAddress.computeIfAbsent(address(run.conditions().target()), a -> new ArrayList<>()).add(run);
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

  private static String describe(TargetDescription target) {
    if (address(target).isEmpty()) {
      return "no target recorded in conditions.json";
    }
    String connection = target.connection() == null ? "" : " (" + UriRedaction.redact(target.connection()) + ")";
    return target.kind() + " target " + target.address() + connection;
  }
}
