package lab.portexhaustion.target;

import java.util.Optional;

/**
 * What a run records of the embedded server process ({@code conditions.json}).
 *
 * @param pid its process id
 * @param descriptorLimit its descriptor limit, as the process itself read it at its start; empty where
 *     its OS has none (Windows)
 * @param descriptorLimitApplied whether {@code embedded.maxDescriptors} was applied; empty when none was asked for
 * @param maxIncomingConnections its connection limit as set ({@code embedded.maxIncomingConnections}), 0 for none
 * @param failureMode what it does when full ({@code embedded.failureMode}): mongod or select-server
 * @param connectionCap the most connections it holds, as it worked out at its start (mongod: 80 % of its descriptor
 *     limit, or maxIncomingConnections when lower), 0 for none
 * @param idleTimeoutSeconds its idle timeout, 0 for none
 * @param monitoring how it answers the driver's monitor: streaming or polling
 */
public record ServerConditions(long pid, Optional<Long> descriptorLimit, Optional<Boolean> descriptorLimitApplied, int maxIncomingConnections,
    String failureMode, int connectionCap, double idleTimeoutSeconds, String monitoring) {}
