package lab.portexhaustion.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lab.portexhaustion.config.ConfigName;
import lab.portexhaustion.config.EmbeddedFailureMode;
import lab.portexhaustion.config.EmbeddedMonitoring;
import lab.portexhaustion.config.ServerLimits;

/**
 * What the process that starts the embedded server tells it, as {@code key=value} arguments, and the one place that
 * writes and reads them. Each key may be left out and takes its default; scripts/fleet-run writes its own four.
 *
 * <pre>
 * ports=&lt;candidates, comma-separated; none: any free port&gt;  address=&lt;to listen on, 127.0.0.1&gt;
 * maxIncomingConnections=&lt;0 for none&gt;  idleTimeoutMillis=&lt;0 for none&gt;  failureMode=&lt;mongod | select-server&gt;
 * monitoring=&lt;streaming | polling&gt;  parentPid=&lt;the process it ends with&gt;
 * </pre>
 *
 * @param ports the ports to try, in order; empty for any free port
 * @param address the address to listen on (scripts/fleet-run gives its bridge address, which the fleet's clients reach)
 * @param maxIncomingConnections its connection limit, 0 for none
 * @param idleTimeout its idle timeout, zero for none
 * @param failureMode what it does when full
 * @param monitoring how it answers the driver's monitor
 * @param parentPid the process it ends with; empty when none was given, and then it ends at once (see
 *     {@link EmbeddedServerMain})
 */
public record ServerArguments(List<Integer> ports, String address, int maxIncomingConnections, Duration idleTimeout,
    EmbeddedFailureMode failureMode, EmbeddedMonitoring monitoring, Optional<Long> parentPid) {

  public static final String LOOPBACK = "127.0.0.1";
  private static final List<String> KEYS =
      List.of("ports", "address", "maxIncomingConnections", "idleTimeoutMillis", "failureMode", "monitoring", "parentPid");

  public ServerArguments {
    ports = List.copyOf(ports);
  }

  /** The arguments for a server on loopback that ends with this process. */
  public static ServerArguments forThisProcess(List<Integer> ports, ServerLimits limits, EmbeddedMonitoring monitoring) {
    return new ServerArguments(ports, LOOPBACK, limits.maxIncomingConnections(), limits.idleTimeout(), limits.failureMode(),
        monitoring, Optional.of(ProcessHandle.current().pid()));
  }

  /** Its limits. The descriptor limit is set on the process (prlimit) before its JVM starts, so none of its own here. */
  public ServerLimits limits() {
    return new ServerLimits(maxIncomingConnections, idleTimeout, 0, failureMode);
  }

  /** The arguments, each {@code key=value}, in the order of the table above ({@link #parse} takes them in any order). */
  public List<String> toArgs() {
    List<String> args = new ArrayList<>();
    args.add("ports=" + ports.stream().map(String::valueOf).collect(Collectors.joining(",")));
    args.add("address=" + address);
    args.add("maxIncomingConnections=" + maxIncomingConnections);
    args.add("idleTimeoutMillis=" + idleTimeout.toMillis());
    args.add("failureMode=" + failureMode.configName());
    args.add("monitoring=" + monitoring.configName());
    parentPid.ifPresent(pid -> args.add("parentPid=" + pid));
    return args;
  }

  /**
   * Reads {@code args}; an argument it does not know, one given twice, or a value that does not read is refused with
   * an IllegalArgumentException that names it.
   */
  public static ServerArguments parse(String[] args) {
    Map<String, String> given = new LinkedHashMap<>();
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      if (kv.length < 2 || !KEYS.contains(kv[0])) {
        throw new IllegalArgumentException("The embedded server does not know the argument '" + arg + "': it takes key=value"
            + " with the keys " + String.join(", ", KEYS) + ".");
      }
      if (given.put(kv[0], kv[1]) != null) {
        throw new IllegalArgumentException("The embedded server was given " + kv[0] + " twice; give it once.");
      }
    }
    return new ServerArguments(
        ports(given.getOrDefault("ports", "")),
        given.getOrDefault("address", LOOPBACK),
        whole(given, "maxIncomingConnections"),
        Duration.ofMillis(number("idleTimeoutMillis", given.getOrDefault("idleTimeoutMillis", "0"), Long.MAX_VALUE)),
        named(EmbeddedFailureMode.class, given, "failureMode", EmbeddedFailureMode.MONGOD),
        named(EmbeddedMonitoring.class, given, "monitoring", EmbeddedMonitoring.STREAMING),
        Optional.ofNullable(given.get("parentPid")).map(pid -> number("parentPid", pid, Long.MAX_VALUE)));
  }

  private static List<Integer> ports(String candidates) {
    List<Integer> ports = new ArrayList<>();
    for (String port : candidates.split(",")) {
      if (!port.isBlank()) {
        ports.add((int) number("ports", port, 65_535));
      }
    }
    return ports;
  }

  private static int whole(Map<String, String> given, String key) {
    return (int) number(key, given.getOrDefault(key, "0"), Integer.MAX_VALUE);
  }

  /** A whole number from 0 to {@code most}, or the refusal naming the argument. */
  private static long number(String key, String text, long most) {
    try {
      long value = Long.parseLong(text.trim());
      if (value >= 0 && value <= most) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // refused below
    }
    throw new IllegalArgumentException("The embedded server's argument " + key + "=" + text + " is not a whole number from 0 to "
        + most + ".");
  }

  private static <E extends Enum<E> & ConfigName> E named(Class<E> type, Map<String, String> given, String key, E otherwise) {
    String text = given.get(key);
    if (text == null) {
      return otherwise;
    }
    return ConfigName.parse(type, text).orElseThrow(() -> new IllegalArgumentException("The embedded server's argument " + key + "="
        + text + " is none of " + ConfigName.allowed(type) + "."));
  }
}
