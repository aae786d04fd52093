package lab.portexhaustion.sampler;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import lab.portexhaustion.embedded.ServerStatus;

/**
 * One row of {@code harness/ports.csv}. A {@code totals} row has only the cheap figures (the
 * socket-table columns are empty); a {@code full} or {@code onset} row has them all.
 *
 * @param elapsedMillis since the run started
 * @param tier totals, full, or onset (the extra full snapshot taken when exhaustion starts)
 * @param timeWaitTotal TIME_WAIT sockets of the whole host or namespace, any destination
 * @param tcpInUseTotal TCP sockets in use, any destination (Linux sockstat; -1 elsewhere)
 * @param portsInUseTowardTarget distinct local ports in the ephemeral range held by sockets toward the target, any state
 * @param portsInUseAnyDestination distinct local ports in the ephemeral range held by any socket
 * @param utilisationPercent ports in use over the range size, counted the way the OS allocates (per destination on Linux)
 * @param descriptorsOpen this (the client's) process's open descriptors
 * @param serverDescriptorsOpen the server process's open descriptors, as it last reported them (some 100 ms old at
 *     most); empty for a server that is not the harness's own process
 * @param serverDescriptorsMax the server process's descriptor limit
 * @param serverOpenConnections client connections the server holds open
 * @param serverAcceptFailures accepts that failed in the server so far (EMFILE at its descriptor limit)
 */
@JsonPropertyOrder({"elapsedMillis", "tier", "timeWaitTotal", "tcpInUseTotal", "established", "timeWait", "synSent",
    "closeWait", "finWait1", "finWait2", "lastAck", "otherState", "portsInUseTowardTarget", "portsInUseAnyDestination",
    "rangeSize", "utilisationPercent", "descriptorsOpen", "descriptorsMax", "serverDescriptorsOpen", "serverDescriptorsMax",
    "serverOpenConnections", "serverAcceptFailures"})
public record PortSample(
    long elapsedMillis,
    String tier,
    long timeWaitTotal,
    long tcpInUseTotal,
    Integer established,
    Integer timeWait,
    Integer synSent,
    Integer closeWait,
    Integer finWait1,
    Integer finWait2,
    Integer lastAck,
    Integer otherState,
    Integer portsInUseTowardTarget,
    Integer portsInUseAnyDestination,
    int rangeSize,
    Double utilisationPercent,
    long descriptorsOpen,
    long descriptorsMax,
    Long serverDescriptorsOpen,
    Long serverDescriptorsMax,
    Integer serverOpenConnections,
    Long serverAcceptFailures) {

  /** A {@code totals} row: the cheap figures only, the socket-table columns empty. */
  public static PortSample totals(long elapsedMillis, long timeWaitTotal, long tcpInUseTotal, int rangeSize, long descriptorsOpen,
      long descriptorsMax) {
    return new PortSample(elapsedMillis, "totals", timeWaitTotal, tcpInUseTotal, null, null, null, null, null, null, null, null,
        null, null, rangeSize, null, descriptorsOpen, descriptorsMax, null, null, null, null);
  }

  /** The same sample with the server process's figures. */
  public PortSample withServer(ServerStatus server) {
    return new PortSample(elapsedMillis, tier, timeWaitTotal, tcpInUseTotal, established, timeWait, synSent, closeWait, finWait1,
        finWait2, lastAck, otherState, portsInUseTowardTarget, portsInUseAnyDestination, rangeSize, utilisationPercent,
        descriptorsOpen, descriptorsMax, server.descriptorsOpen(), server.descriptorsMax(), server.openConnections(),
        server.acceptFailures());
  }

  public boolean isFull() {
    return established != null;
  }

  /** Sockets toward the target in any state but TIME_WAIT: connections still open or closing. */
  public int openTowardTarget() {
    return established + synSent + closeWait + finWait1 + finWait2 + lastAck + otherState;
  }
}
