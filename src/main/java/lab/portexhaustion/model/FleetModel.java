package lab.portexhaustion.model;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A fleet of clients that each take the same connections at one server as they start and keep them (pooled services:
 * their pools' minimum and their monitors), joining one after another, {@code joinInterval} apart. The server refuses
 * the first client whose connections no longer fit in what the clients before it left: client k, the first with
 * heldBefore + k × perClient > limit, at (k - 1) × joinInterval after the first client joined; where the clients
 * joined otherwise, the k-th to join, as it joins ({@link FleetPrediction#firstRefusedJoining}).
 */
public final class FleetModel {

  private FleetModel() {}

  /**
   * What the model says of a fleet.
   *
   * @param heldBefore connections other clients held at the server before the fleet's first client joined
   * @param firstRefused the first client the server refuses; empty when every client fits
   */
  public record FleetPrediction(int clients, int perClient, int limit, int heldBefore, double joinIntervalSeconds,
      Optional<Refused> firstRefused) {

    /** One line: "the server refuses client 4 of 4, 18.0 s after the first joined (...)" or "every client fits (...)". */
    public String text() {
      String basis = String.format("%,d connection slots, %,d in use before, %,d per client, a client every %.1f s", limit, heldBefore,
          perClient, joinIntervalSeconds);
      return firstRefused
          .map(refused -> String.format("the server refuses client %d of %d, %.1f s after the first joined (%s)", refused.client(),
              clients, refused.atSeconds(), basis))
          .orElse(String.format("every client fits: %d x %d + %d = %,d of %,d (%s)", clients, perClient, heldBefore,
              clients * perClient + heldBefore, limit, basis));
    }

    /**
     * The client refused first where the clients joined at {@code joinedAtSeconds} (by client number; a client not in
     * it joined on its turn) rather than each on its turn: as many clients fit as on the planned timeline, so the one
     * refused is the one that joined right after them, in the order they joined, at its own join.
     */
    public Optional<Refused> firstRefusedJoining(Map<Integer, Double> joinedAtSeconds) {
      return firstRefused.map(planned -> {
        int joinedAs = planned.client();
        int client = IntStream.rangeClosed(1, clients).boxed()
            .sorted(Comparator.comparingDouble((Integer c) -> joinedAt(c, joinedAtSeconds)).thenComparingInt(c -> c))
            .skip(joinedAs - 1).findFirst().orElseThrow();
        return new Refused(client, tenths(joinedAt(client, joinedAtSeconds)));
      });
    }

    private double joinedAt(int client, Map<Integer, Double> joinedAtSeconds) {
      return joinedAtSeconds.getOrDefault(client, (client - 1) * joinIntervalSeconds);
    }
  }

  /**
   * A client the server refuses.
   *
   * @param client its number, from 1
   * @param atSeconds when it joins, after the first client joined
   */
  public record Refused(int client, double atSeconds) {}

  public static FleetPrediction predict(int clients, int perClient, int limit, int heldBefore, Duration joinInterval) {
    double interval = joinInterval.toMillis() / 1000.0;
    for (int k = 1; k <= clients; k++) {
      if (heldBefore + (long) k * perClient > limit) {
        return new FleetPrediction(clients, perClient, limit, heldBefore, interval,
            Optional.of(new Refused(k, tenths((k - 1) * interval))));
      }
    }
    return new FleetPrediction(clients, perClient, limit, heldBefore, interval, Optional.empty());
  }

  private static double tenths(double seconds) {
    return Math.round(seconds * 10) / 10.0;
  }
}
