package lab.portexhaustion.config;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where this run stands in a fleet of clients that share one server ({@code scripts/fleet-run} sets these): its
 * number, the fleet's size, and when it joins. Clients join one after another, {@code joinInterval} apart from the
 * fleet's {@code start}, as a service scales out; a client joins when it makes its connections.
 *
 * @param client this client's number, from 1; 0 when the run is not part of a fleet
 * @param clients how many clients the fleet has; 0 when the run is not part of a fleet
 * @param start when the fleet's first client joins; empty: each client joins as soon as it is ready
 * @param joinInterval time between two clients joining
 */
public record FleetSettings(int client, int clients, Optional<Instant> start, Duration joinInterval) {

  /** The most clients a fleet has (scripts/fleet-run's bridge holds one /24). */
  public static final int MAX_CLIENTS = 50;

  public boolean inFleet() {
    return client > 0;
  }

  /** When this client joins: the fleet's start plus one interval per client before it; empty when it need not wait. */
  public Optional<Instant> joinAt() {
    return start.map(s -> s.plus(joinInterval.multipliedBy(client - 1L)));
  }
}
