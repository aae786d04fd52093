package lab.portexhaustion.dsl;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a simulation's load goes, as the {@code target} setting names it. Immutable: every method returns a new
 * target. The settings file and {@code -D} override what is set here.
 */
public final class Target {

  private final Map<String, String> values;

  Target(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /**
   * For the embedded server: close a connection after {@code timeout} with nothing read or written (the incident's
   * fix; {@code embedded.idleTimeout}). Zero: never.
   */
  public Target idleTimeout(Duration timeout) {
    return with("embedded.idleTimeout", timeout.toMillis() + "ms");
  }

  /** For the embedded server: refuse connections beyond {@code connections} open at once ({@code embedded.maxIncomingConnections}). */
  public Target maxIncomingConnections(int connections) {
    return with("embedded.maxIncomingConnections", String.valueOf(connections));
  }

  /**
   * For the embedded server: its process's own descriptor limit ({@code embedded.maxDescriptors}), as a server that
   * runs out of descriptors before its clients do (the incident's Twisted server had 512).
   */
  public Target maxDescriptors(int descriptors) {
    return with("embedded.maxDescriptors", String.valueOf(descriptors));
  }

  private Target with(String key, String value) {
    Map<String, String> next = new LinkedHashMap<>(values);
    next.put(key, value);
    return new Target(next);
  }

  Map<String, String> values() {
    return values;
  }

  boolean limitsConnections() {
    String limit = values.get("embedded.maxIncomingConnections");
    return limit != null && !limit.equals("0");
  }

  boolean limitsDescriptors() {
    String limit = values.get("embedded.maxDescriptors");
    return limit != null && !limit.equals("0");
  }

  boolean closesIdle() {
    String timeout = values.get("embedded.idleTimeout");
    return timeout != null && !timeout.equals("0ms");
  }
}
