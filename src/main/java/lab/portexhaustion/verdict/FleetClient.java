package lab.portexhaustion.verdict;

import java.util.Optional;

/**
 * One client of a fleet as its run recorded it, on the fleet's timeline: seconds after the moment the fleet's first
 * client was due to join ({@code fleet.start}).
 *
 * @param number the client's number in the fleet, from 1 ({@code fleet.client})
 * @param joinIntervalSeconds how far apart the clients were due to join ({@code fleet.joinInterval})
 * @param startedSeconds when its run started
 * @param refusedSeconds when the server refused it: its run's onset, where that was on the server's side; empty when the
 *     server did not refuse it
 * @param evidenceNotWhole why its own run's evidence was not whole ("this machine could not keep up (...)"), as its
 *     verdict said; empty when it was whole
 */
public record FleetClient(int number, double joinIntervalSeconds, double startedSeconds, Optional<Double> refusedSeconds,
    Optional<String> evidenceNotWhole) {

  /** When it was due to join: (number - 1) x the join interval. */
  double turnSeconds() {
    return (number - 1) * joinIntervalSeconds;
  }

  /** How long after its turn its run started. */
  double lateSeconds() {
    return startedSeconds - turnSeconds();
  }
}
