package lab.portexhaustion.sampler;

import java.util.Optional;

/**
 * A sample with the socket table read: the sockets toward the target by state, and the ephemeral ports in use.
 *
 * @param tier {@link Tier#FULL}, or {@link Tier#ONSET} for the snapshot taken when exhaustion started
 */
public record FullSample(long elapsedMillis, Tier tier, Totals totals, TcpStates towardTarget, PortsInUse ports,
    Optional<ServerFigures> server) implements PortSample {

  public FullSample {
    if (tier == Tier.TOTALS) {
      throw new IllegalArgumentException("a full sample is of the full or the onset tier");
    }
  }

  /** Sockets toward the target by TCP state. */
  public record TcpStates(int established, int timeWait, int synSent, int closeWait, int finWait1, int finWait2, int lastAck,
      int otherState) {

    /** In any state but TIME_WAIT: connections still open or closing. */
    public int open() {
      return established + synSent + closeWait + finWait1 + finWait2 + lastAck + otherState;
    }
  }

  /**
   * Local ports of the ephemeral range held by sockets.
   *
   * @param towardTarget distinct ports held by sockets toward the target, any state; for a target of several hosts, each
   *     host's added up
   * @param anyDestination distinct ports held by any socket
   * @param utilisationPercent ports in use over the range size, counted the way the OS allocates them (toward the target
   *     on Linux, which allocates per destination, and toward its busiest host where it has several; any destination
   *     elsewhere)
   */
  public record PortsInUse(int towardTarget, int anyDestination, double utilisationPercent) {}
}
