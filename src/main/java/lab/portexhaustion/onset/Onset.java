package lab.portexhaustion.onset;

import java.time.Duration;
import java.time.Instant;
import lab.portexhaustion.failure.ClassifiedError;

/** The first exhaustion-class failure of a run and the request counts when it happened. */
public record Onset(
    Instant at,
    Duration elapsed,
    ClassifiedError error,
    long requestsStarted,
    long requestsSucceeded,
    long requestsFailed) {}
