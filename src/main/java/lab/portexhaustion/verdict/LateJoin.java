package lab.portexhaustion.verdict;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A client whose run started more than {@link #LATE_SECONDS} after its turn joined late: the fleet's timeline did not
 * hold for it, and the fleet verdict places it at its own start ({@link FirstRefusal}) and names it.
 */
final class LateJoin {

  /** Past its turn, a client's run starts after its probe and its client are made: some 0.5 s. */
  static final double LATE_SECONDS = 2.0;

  private LateJoin() {}

  static boolean joinedLate(FleetClient client) {
    return client.lateSeconds() > LATE_SECONDS;
  }

  /** "client 4 started 9.0 s after its turn, ..."; empty when every client joined in time. */
  static Optional<String> named(List<FleetClient> clients) {
    String late = clients.stream()
        .filter(LateJoin::joinedLate)
        .map(c -> String.format("client %d started %.1f s after its turn", c.number(), c.lateSeconds()))
        .collect(Collectors.joining(", "));
    return late.isEmpty() ? Optional.empty() : Optional.of(late);
  }
}
