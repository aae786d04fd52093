package lab.portexhaustion.onset;

import java.time.Duration;
import java.time.Instant;
import lab.portexhaustion.failure.ClassifiedError;

/**
 * The first exhaustion-class socket error of a run and the request counts when it happened.
 *
 * @param surfaced where it was seen first: a request's failure, or the driver's monitor before any request failed
 * @param visitsServed the visits with a request that succeeded by then
 */
public record Onset(
    Instant at,
    Duration elapsed,
    ClassifiedError error,
    String surfaced,
    long requestsStarted,
    long requestsSucceeded,
    long requestsFailed,
    long visitsServed) {}
