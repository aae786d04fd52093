package lab.portexhaustion.target;

import java.util.Optional;
import java.util.function.Supplier;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.TargetKind;

/**
 * What {@code target=auto} picks, and the reason the log gives: the decision alone, apart from starting the target.
 *
 * @param kind embedded, uri or container
 * @param reason "chosen by target=auto ..."
 */
record AutoTarget(TargetKind kind, String reason) {

  /**
   * The embedded server where the settings need it (a limit of its own, or its failure mode that takes every connection
   * the descriptors allow); else the deployment {@code uri} names; else, inside the namespace launcher, the embedded
   * server again, since the namespace's network holds loopback alone and a container's address is out of its reach;
   * else a container where a Docker engine answers ({@code dockerUnavailable} says why not), else the embedded server.
   */
  static AutoTarget of(HarnessSettings settings, boolean contained, Supplier<Optional<String>> dockerUnavailable) {
    if (settings.embedded().needTheEmbeddedServer()) {
      return new AutoTarget(TargetKind.EMBEDDED, "chosen by target=auto because the embedded server's settings ask for it ("
          + settings.embedded().describe() + ")");
    }
    if (settings.uri().isPresent()) {
      return new AutoTarget(TargetKind.URI, "chosen by target=auto because 'uri' is set");
    }
    if (contained) {
      return new AutoTarget(TargetKind.EMBEDDED, "chosen by target=auto inside the namespace launcher, whose network holds"
          + " loopback alone: a container's address would be out of reach");
    }
    // Without Docker the embedded server is the expected choice, not a problem: one plain reason, no detail.
    return dockerUnavailable.get().isEmpty()
        ? new AutoTarget(TargetKind.CONTAINER, "chosen by target=auto because a Docker engine answered")
        : new AutoTarget(TargetKind.EMBEDDED, "chosen by target=auto: no Docker here");
  }
}
