package lab.portexhaustion.verdict;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The fleet verdict's second rule: a client whose run started more than {@link #LATE_SECONDS} after its turn joined
 * late, and the fleet's timeline, which the fleet model's moment depends on, did not hold. A failed fleet verdict names
 * such clients, so that a fault of the fleet's start is not taken for one of the model.
 */
final class LateJoin {

  /** Past its turn, a client's run starts after its probe and its client are made: some 0.5 s. */
  static final double LATE_SECONDS = 2.0;

  private LateJoin() {}

  /** "client 4 started 9.0 s after its turn, ..."; empty when every client joined in time. */
  static Optional<String> named(List<FleetClient> clients) {
    String late = clients.stream()
        .filter(c -> c.lateSeconds() > LATE_SECONDS)
        .map(c -> String.format("client %d started %.1f s after its turn", c.number(), c.lateSeconds()))
        .collect(Collectors.joining(", "));
    return late.isEmpty() ? Optional.empty() : Optional.of(late);
  }
}
