package lab.portexhaustion.run;

import java.time.Duration;
import java.time.Instant;
import lab.portexhaustion.config.FleetSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet's client waits for its turn to join ({@code fleet.start} + one {@code fleet.joinInterval} per client
 * before it) before it probes the server and makes its connections, so that clients join on the fleet's timeline
 * however long their own start took. The settings keep the wait under 10 minutes.
 */
final class FleetTurn {

  private static final Logger LOG = LoggerFactory.getLogger(FleetTurn.class);

  private FleetTurn() {}

  static void await(FleetSettings fleet, String simulation) {
    fleet.joinAt().ifPresent(at -> {
      Duration wait = Duration.between(Instant.now(), at);
      if (wait.isNegative()) {
        LOG.warn("{}: client {} of {} was due to join at {}, {} ms ago: it joins late, and the fleet's timeline with it",
            simulation, fleet.client(), fleet.clients(), at, -wait.toMillis());
        return;
      }
      LOG.info("{}: client {} of {} joins the fleet at {} (in {} ms)", simulation, fleet.client(), fleet.clients(), at, wait.toMillis());
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }
}
