package lab.portexhaustion.model;

import java.time.Duration;
import java.util.Optional;

/**
 * How each request of a run takes a resource: so many units, each held so long.
 *
 * @param perRequest units one request takes and keeps (0: the units are reused, as a pool's connections are)
 * @param hold how long a request keeps them; empty: until the run ends (connections nobody closes)
 * @param basis where {@code perRequest} comes from, for the reader ("measured", or the reason for the known figure)
 */
public record ResourceUse(Resource resource, double perRequest, Optional<Duration> hold, String basis) {

  /** The basis of a figure the run measured. */
  public static final String MEASURED = "measured";

  /** The same use with a measured figure per request. */
  public ResourceUse measured(double measuredPerRequest) {
    return new ResourceUse(resource, measuredPerRequest, hold, MEASURED);
  }

}
