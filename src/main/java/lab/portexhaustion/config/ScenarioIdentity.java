package lab.portexhaustion.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A simulation's protocol decides its scenario (its verdict key, model and comparison); the stronger layers may change
 * its values, not what it is. The scenario of a run is derived from its resolved settings, and settings that would
 * derive another one than the protocol describes are refused, naming both sides, never silently replaced.
 */
final class ScenarioIdentity {

  /** The embedded server's limits, each of which can turn one scenario into another. */
  private enum Limit {
    CONNECTIONS("embedded.maxIncomingConnections", ServerLimits::limitsConnections),
    IDLE_TIMEOUT("embedded.idleTimeout", ServerLimits::closesIdle),
    DESCRIPTORS("embedded.maxDescriptors", ServerLimits::limitsDescriptors);

    private final String key;
    private final Predicate<ServerLimits> on;

    Limit(String key, Predicate<ServerLimits> on) {
      this.key = key;
      this.on = on;
    }

    /** {@code limits} with this limit taken from {@code from}. */
    ServerLimits takenFrom(ServerLimits from, ServerLimits limits) {
      return switch (this) {
        case CONNECTIONS -> new ServerLimits(from.maxIncomingConnections(), limits.idleTimeout(), limits.maxDescriptors());
        case IDLE_TIMEOUT -> new ServerLimits(limits.maxIncomingConnections(), from.idleTimeout(), limits.maxDescriptors());
        case DESCRIPTORS -> new ServerLimits(limits.maxIncomingConnections(), limits.idleTimeout(), from.maxDescriptors());
      };
    }
  }

  private ScenarioIdentity() {}

  /**
   * The scenario of a run with {@code target} and {@code embedded} (resolved) for {@code protocol}: its pattern against
   * the embedded server's limits. A container or a deployment is a server the settings do not describe (its
   * {@code embedded.*} must be 0): there the protocol's own description stands, as when scripts/fleet-run points a pool
   * storm at its shared server with {@code -Dtarget=uri -Dembedded.maxIncomingConnections=0}.
   */
  static Scenario derive(ProtocolSettings protocol, TargetKind target, ServerLimits embedded) {
    return Scenario.of(protocol.connections(), target.isExternal() ? protocol.server().limits() : embedded);
  }

  /** The paragraph refusing {@code resolved}, when its scenario is not the one {@code protocol} describes. */
  static Optional<String> contradiction(ProtocolSettings protocol, HarnessSettings resolved, SettingsLayers layers) {
    Scenario described = protocol.scenario();
    if (resolved.scenario() == described) {
      return Optional.empty();
    }
    ServerLimits own = protocol.server().limits();
    List<String> protocolSays = new ArrayList<>();
    List<String> othersSay = new ArrayList<>();
    List<String> advice = new ArrayList<>();
    SettingsLayers.Layer mine = layers.protocol();
    for (Limit limit : changing(protocol, resolved.embedded())) {
      protocolSays.add(mine.values().hasPath(limit.key) ? "sets " + limit.key + "=" + mine.valueOf(limit.key)
          : "leaves " + limit.key + " at its default " + layers.builtIn().valueOf(limit.key));
      othersSay.add(layers.winner(limit.key).says(limit.key));
      advice.add(limit.key + (limit.on.test(own) ? " above 0" : " at 0"));
    }
    return Optional.of(protocol.simulation() + "'s protocol " + String.join(" and ", protocolSays) + " (" + described.configName()
        + "), but " + String.join(" and ", othersSay) + ", which would make it " + resolved.scenario().configName() + ". A simulation's"
        + " protocol decides its scenario (its verdict, model and comparison): settings may change its values, not what it is. Keep "
        + String.join(" and ", advice) + ", or run a simulation whose protocol describes " + resolved.scenario().configName()
        + " (docs/settings.md, \"Scenarios\").");
  }

  /** The limits switched on or off by the other layers that, each on its own, change the protocol's scenario. */
  private static List<Limit> changing(ProtocolSettings protocol, ServerLimits resolved) {
    ServerLimits own = protocol.server().limits();
    return Arrays.stream(Limit.values())
        .filter(limit -> limit.on.test(own) != limit.on.test(resolved))
        .filter(limit -> Scenario.of(protocol.connections(), limit.takenFrom(resolved, own)) != protocol.scenario())
        .toList();
  }
}
