package lab.portexhaustion.dsl;

import java.time.Duration;
import java.util.Optional;
import lab.portexhaustion.config.ProtocolSettings;

/**
 * Where a simulation's load goes, as the {@code target} setting names it, and the embedded server's limits. Immutable:
 * every method returns a new target. The settings file and {@code -D} override what is set here, as long as the
 * scenario it describes stays the same (docs/settings.md).
 */
public final class Target {

  private final ProtocolSettings.Server server;
  private final Optional<String> mistake; // a call given null, which the protocol refuses before any load

  Target(ProtocolSettings.Server server) {
    this(server, Optional.empty());
  }

  private Target(ProtocolSettings.Server server, Optional<String> mistake) {
    this.server = server;
    this.mistake = mistake;
  }

  /**
   * For the embedded server: close a connection after {@code timeout} with nothing read or written (the incident's
   * fix; {@code embedded.idleTimeout}). Zero: never.
   */
  public Target idleTimeout(Duration timeout) {
    if (timeout == null) {
      return new Target(server, Optional.of("the target's idleTimeout(...)"));
    }
    return new Target(server.withIdleTimeout(timeout), mistake);
  }

  /** For the embedded server: refuse connections beyond {@code connections} open at once ({@code embedded.maxIncomingConnections}). */
  public Target maxIncomingConnections(int connections) {
    return new Target(server.withMaxIncomingConnections(connections), mistake);
  }

  /**
   * For the embedded server: its process's own descriptor limit ({@code embedded.maxDescriptors}), as a server that
   * runs out of descriptors before its clients do (the incident's Twisted server had 512).
   */
  public Target maxDescriptors(int descriptors) {
    return new Target(server.withMaxDescriptors(descriptors), mistake);
  }

  ProtocolSettings.Server server() {
    return server;
  }

  Optional<String> mistake() {
    return mistake;
  }
}
