package lab.portexhaustion.onset;

/**
 * Requests of a run so far, at one moment.
 *
 * @param visitsServed the visits with a request that succeeded (virtual users, each counted once)
 */
public record RequestCounts(long started, long succeeded, long failed, long visitsServed) {}
