package lab.portexhaustion.target;

import java.util.function.IntPredicate;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.LauncherEnvironment;
import lab.portexhaustion.config.TargetKind;

/** Starts the target the settings ask for; for {@code auto}, decides which and records why. */
public final class TargetFactory {

  private TargetFactory() {}

  /**
   * {@code freshEmbeddedPort} says which ports the embedded server may take (see
   * {@link EmbeddedServerProcess#start(String, lab.portexhaustion.config.ServerLimits, lab.portexhaustion.config.EmbeddedMonitoring,
   * IntPredicate)}).
   */
  public static MongoTarget start(HarnessSettings settings, IntPredicate freshEmbeddedPort) {
    TargetKind kind = settings.target();
    if (kind == TargetKind.AUTO) {
      return startAuto(settings, freshEmbeddedPort);
    }
    return switch (kind) {
      case EMBEDDED -> EmbeddedServerProcess.start("asked for with target=embedded", settings.embedded(), settings.embeddedMonitoring(),
          freshEmbeddedPort);
      case URI -> UriMongoTarget.of(settings.uri().orElseThrow(), "asked for with target=uri");
      case CONTAINER -> startContainer(settings, "asked for with target=container");
      case AUTO -> throw new IllegalStateException("handled above");
    };
  }

  private static MongoTarget startAuto(HarnessSettings settings, IntPredicate freshEmbeddedPort) {
    AutoTarget chosen = AutoTarget.of(settings, LauncherEnvironment.loopbackOnly(), DockerAvailability::whyUnavailable);
    return switch (chosen.kind()) {
      case EMBEDDED -> EmbeddedServerProcess.start(chosen.reason(), settings.embedded(), settings.embeddedMonitoring(), freshEmbeddedPort);
      case URI -> UriMongoTarget.of(settings.uri().orElseThrow(), chosen.reason());
      case CONTAINER -> ContainerMongoTarget.start(settings.containerImage(), chosen.reason());
      case AUTO -> throw new IllegalStateException("auto chooses one of the others");
    };
  }

  private static MongoTarget startContainer(HarnessSettings settings, String reason) {
    DockerAvailability.whyUnavailable().ifPresent(why -> {
      throw new TargetUnavailableException("Setting 'target' is 'container', but " + why + " (Testcontainers looked at "
          + DockerAvailability.WHERE_IT_LOOKS + "), so no MongoDB container can be started and no load was sent. Start Docker"
          + " (or set DOCKER_HOST), or run with -Dtarget=embedded (the built-in server) or -Dtarget=uri with the connection"
          + " string in HARNESS_URI (a server of your own).");
    });
    return ContainerMongoTarget.start(settings.containerImage(), reason);
  }
}
