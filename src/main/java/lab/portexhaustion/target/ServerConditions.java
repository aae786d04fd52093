package lab.portexhaustion.target;

import java.util.Optional;

/**
 * What a run records of the embedded server process ({@code conditions.json}).
 *
 * @param pid its process id
 * @param descriptorLimit its descriptor limit, as the process itself read it at its start
 * @param descriptorLimitApplied whether {@code embedded.maxDescriptors} was applied; empty when none was asked for
 * @param maxIncomingConnections its connection limit, 0 for none
 * @param idleTimeoutSeconds its idle timeout, 0 for none
 * @param monitoring how it answers the driver's monitor: streaming or polling
 */
public record ServerConditions(long pid, long descriptorLimit, Optional<Boolean> descriptorLimitApplied, int maxIncomingConnections,
    double idleTimeoutSeconds, String monitoring) {}
