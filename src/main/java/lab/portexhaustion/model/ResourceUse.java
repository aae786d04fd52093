package lab.portexhaustion.model;

import java.time.Duration;
import java.util.Optional;

/**
 * How a run takes a resource: so many units when its client starts, then so many per request, each held so long.
 *
 * @param perRequest units one request takes and keeps (0: the units are reused, as a pool's connections are)
 * @param hold how long a request keeps them; empty: until the run ends (connections nobody closes)
 * @param basis where the figures come from, for the reader ("measured", or the reason for the known figure)
 * @param atStart units the client takes before its first request and keeps to the end (a pool's minimum and its
 *     monitors' connections); 0 for most strategies
 */
public record ResourceUse(Resource resource, double perRequest, Optional<Duration> hold, String basis, int atStart) {

  /** The basis of a figure the run measured. */
  public static final String MEASURED = "measured";

  /** A use that takes its units request by request only. */
  public ResourceUse(Resource resource, double perRequest, Optional<Duration> hold, String basis) {
    this(resource, perRequest, hold, basis, 0);
  }

  /** The same use with a measured figure per request. */
  public ResourceUse measured(double measuredPerRequest) {
    return new ResourceUse(resource, measuredPerRequest, hold, MEASURED, atStart);
  }
}
