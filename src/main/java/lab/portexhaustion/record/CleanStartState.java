package lab.portexhaustion.record;

/**
 * What a run found before the first request, and how long it waited: TIME_WAIT sockets in the
 * clean start's scope, and sockets toward the target in any other state.
 */
public record CleanStartState(long timeWaitAtStart, long timeWaitWhenStarted, long otherSocketsAtStart, double waitedSeconds,
    String note) {}
