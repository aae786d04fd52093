package lab.portexhaustion.embedded;

import java.util.Optional;

/**
 * The embedded server process's figures, as it reports them to the simulation's process.
 *
 * @param descriptorsOpen the server process's open descriptors (its limit when it is at the limit and cannot count them); empty
 *     where the OS does not count them (Windows)
 * @param descriptorsMax its descriptor limit; empty where the OS has none
 * @param openConnections client connections it holds open
 * @param refusedConnections connections its connection limit closed on arrival
 * @param acceptFailures accepts that failed (EMFILE at its descriptor limit)
 * @param idleClosedConnections connections it closed for being idle
 */
public record ServerStatus(Optional<Long> descriptorsOpen, Optional<Long> descriptorsMax, int openConnections, long refusedConnections,
    long acceptFailures, long idleClosedConnections) implements ServerReport {}
