package lab.portexhaustion.config;

/**
 * Whether this process runs under the namespace launcher ({@code scripts/contained-run}, a fleet's clients), which says
 * so in the environment of the commands it runs: there verdicts are checked by default, and the network holds loopback
 * alone, so no container's address can be reached.
 */
public final class ContainedRun {

  /** The environment variable the namespace launcher sets. */
  public static final String ENV = "PORT_EXHAUSTION_LAB_CONTAINED";

  private ContainedRun() {}

  public static boolean here() {
    return System.getenv(ENV) != null;
  }
}
