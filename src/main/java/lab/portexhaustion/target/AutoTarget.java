package lab.portexhaustion.target;

import java.util.Optional;
import java.util.function.Supplier;
import lab.portexhaustion.config.EmbeddedFailureMode;
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
   * The embedded server where one of its limits is set; else the deployment {@code uri} names; else the embedded server
   * where its failure mode is the one that takes every connection the descriptors allow (the idle-connection scenarios:
   * only the embedded server can be told to fail so), or where the network holds loopback alone ({@code loopbackOnly}:
   * the namespace launcher's, from which a container's address is out of reach); else a container where a Docker engine
   * answers ({@code dockerUnavailable} says why not), else the embedded server.
   */
  static AutoTarget of(HarnessSettings settings, boolean loopbackOnly, Supplier<Optional<String>> dockerUnavailable) {
    if (settings.embedded().any()) {
      return new AutoTarget(TargetKind.EMBEDDED, "chosen by target=auto because the embedded server's limits are set ("
          + settings.embedded().describe() + ")");
    }
    if (settings.uri().isPresent()) {
      return new AutoTarget(TargetKind.URI, "chosen by target=auto because 'uri' is set");
    }
    if (settings.embedded().failureMode() == EmbeddedFailureMode.SELECT_SERVER) {
      return new AutoTarget(TargetKind.EMBEDDED, "chosen by target=auto because embedded.failureMode is select-server, which only"
          + " the embedded server has");
    }
    if (loopbackOnly) {
      return new AutoTarget(TargetKind.EMBEDDED, "chosen by target=auto inside the namespace launcher, whose network holds"
          + " loopback alone: a container's address would be out of reach");
    }
    // Without Docker the embedded server is the expected choice, not a problem: one plain reason, no detail.
    return dockerUnavailable.get().isEmpty()
        ? new AutoTarget(TargetKind.CONTAINER, "chosen by target=auto because a Docker engine answered")
        : new AutoTarget(TargetKind.EMBEDDED, "chosen by target=auto: no Docker here");
  }
}
