package lab.portexhaustion.model;

import java.time.Duration;
import java.util.Optional;

/**
 * How a run takes a resource: so many units when its client starts, then so many per request, each held so long; or,
 * for a pool, a plateau it grows to and keeps.
 *
 * @param perRequest units one request takes and keeps (0: the units are reused, as a pool's connections are); a visit
 *     of several requests takes this for each
 * @param hold how long a request keeps them; empty: until the run ends (connections nobody closes)
 * @param basis where the figures come from, for the reader ("measured", or the reason for the known figure)
 * @param atStart units the client takes before its first request and keeps to the end (a pool's minimum and its
 *     monitors' connections at the server); 0 for most strategies
 * @param plateau units the client grows to as its requests need them and keeps to the end (a pool's connections and
 *     its monitors', counting those it already holds when the load starts); empty for uses request by request
 */
public record ResourceUse(Resource resource, double perRequest, Optional<Duration> hold, String basis, int atStart,
    Optional<Plateau> plateau) {

  /** The basis of a figure the run measured. */
  public static final String MEASURED = "measured";

  /** A use that takes its units request by request only. */
  public ResourceUse(Resource resource, double perRequest, Optional<Duration> hold, String basis) {
    this(resource, perRequest, hold, basis, 0);
  }

  /** A use that takes units as the client starts, then request by request. */
  public ResourceUse(Resource resource, double perRequest, Optional<Duration> hold, String basis, int atStart) {
    this(resource, perRequest, hold, basis, atStart, Optional.empty());
  }

  /** A use that grows to {@code plateau} units and keeps them until the run ends. */
  public static ResourceUse plateau(Resource resource, Plateau plateau, String basis) {
    return new ResourceUse(resource, 0, Optional.empty(), basis, 0, Optional.of(plateau));
  }
}
