package lab.portexhaustion.record;

import java.util.Optional;

/**
 * What a run found before the first request, and how long it waited: TIME_WAIT sockets in the
 * clean start's scope, and sockets toward the target in any other state. The counts are empty
 * when the socket table could not be read, and the note then says it was not checked.
 */
public record CleanStartState(Optional<Long> timeWaitAtStart, Optional<Long> timeWaitWhenStarted, Optional<Long> otherSocketsAtStart,
    double waitedSeconds, String note) {}
