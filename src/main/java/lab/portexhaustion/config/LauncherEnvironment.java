package lab.portexhaustion.config;

/**
 * What a launcher says of the place it runs this process in, through the environment of the commands it runs: the
 * namespace launcher ({@code scripts/contained-run}), a fleet's clients, the Windows script, the container and Kubernetes
 * injectors say the run is contained (its verdicts are checked by default); the namespace launcher alone adds that the
 * network holds loopback alone, so that no container's address can be reached.
 */
public final class LauncherEnvironment {

  /** The environment variable of a contained run. */
  public static final String ENV = "PORT_EXHAUSTION_LAB_CONTAINED";
  /** The environment variable of a network that holds loopback alone (the namespace launcher's). */
  public static final String LOOPBACK_ONLY_ENV = "PORT_EXHAUSTION_LAB_LOOPBACK_ONLY";

  private LauncherEnvironment() {}

  public static boolean contained() {
    return System.getenv(ENV) != null;
  }

  public static boolean loopbackOnly() {
    return System.getenv(LOOPBACK_ONLY_ENV) != null;
  }
}
