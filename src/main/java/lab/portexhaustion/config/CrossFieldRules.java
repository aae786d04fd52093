package lab.portexhaustion.config;

import java.time.Duration;
import java.time.Instant;

/**
 * The rules that tie two or more settings together, one method each: a broken rule adds one paragraph, naming the
 * settings and what to do, to the reader's problems.
 */
final class CrossFieldRules {

  /** The longest a fleet's client may wait for its turn to join. */
  static final Duration FLEET_MAX_WAIT = Duration.ofMinutes(10);

  private CrossFieldRules() {}

  /**
   * {@code target=uri} needs the connection string (an unparseable one is already refused by itself). A simulation's
   * {@code uri(...)} given nothing (an environment variable it read is not set) is pointed back to.
   */
  static void uriTargetHasAUri(SettingsReader in, TargetKind target, String uri) {
    if (target == TargetKind.URI && uri.isBlank()) {
      String inTheSimulation = in.setBy("target").isEmpty() ? ""
          : " to the protocol's uri(...) in the simulation (a variable it reads may be unset), or";
      in.problem("Setting 'target' is 'uri'" + in.setBy("target") + ", but 'uri' is empty. Give the MongoDB connection string"
          + inTheSimulation + " in the environment variable " + UriSource.URI_ENV
          + " (or -Duri=mongodb://host:27017 when it has no password), or choose target=embedded.");
    }
  }

  /** A ramp and a hold of no length would send nothing. */
  static void profileSendsSomething(SettingsReader in, LoadProfile load) {
    if (!in.refused("load.rampTime", "load.holdTime") && load.rampTime().plus(load.holdTime()).isZero()) {
      in.problem("Settings 'load.rampTime'" + in.setBy("load.rampTime") + " and 'load.holdTime'" + in.setBy("load.holdTime")
          + " are both 0s, so no request would ever be sent. Give at least one of them a length.");
    }
  }

  /**
   * The run's bound must hold the whole profile: Gatling ends the run at {@code load.maxDuration} however much of the
   * profile is left, and a verdict on a profile cut short would hold the model's prediction against load never sent.
   */
  static void profileWithinTheBound(SettingsReader in, LoadProfile load) {
    Duration profile = load.rampTime().plus(load.holdTime());
    if (!in.refused("load.rampTime", "load.holdTime", "load.maxDuration") && profile.compareTo(load.maxDuration()) > 0) {
      in.problem("Settings 'load.rampTime' (" + seconds(load.rampTime()) + ") and 'load.holdTime' (" + seconds(load.holdTime())
          + ") make a profile of " + seconds(profile) + ", longer than 'load.maxDuration' (" + seconds(load.maxDuration())
          + "), which ends the run: the rest of the profile would never be sent, and the prediction is made for all of it."
          + " Raise load.maxDuration to at least " + seconds(profile) + " (it may be up to 48h), or shorten the ramp or the hold.");
    }
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() / 1000.0 + " s";
  }

  static void minPoolAtMostMaxPool(SettingsReader in, PoolSettings pool) {
    if (!in.refused("pool.minPoolSize", "pool.maxPoolSize") && pool.minPoolSize() > pool.maxPoolSize()) {
      in.problem("Setting 'pool.minPoolSize' is " + pool.minPoolSize() + ", more than 'pool.maxPoolSize' (" + pool.maxPoolSize()
          + "). Make minPoolSize at most maxPoolSize.");
    }
  }

  /** The embedded server's limits mean nothing to a container or a deployment: a real mongod has no idle timeout. */
  static void serverLimitsOnlyForTheEmbeddedServer(SettingsReader in, TargetKind target, ServerLimits embedded) {
    if (embedded.any() && target.isExternal()) {
      in.problem("The embedded server's limits are set (" + embedded.describe() + "), but 'target' is '" + target.configName()
          + "': they apply only to the built-in server, and a real mongod has no idle timeout. Run with -Dtarget=embedded"
          + " (target=auto chooses it when a limit is set), or set embedded.maxIncomingConnections=0, embedded.idleTimeout=0s and embedded.maxDescriptors=0.");
    }
  }

  /** A select() server has no connection limit: it takes connections until its descriptors run out. */
  static void noConnectionLimitForASelectServer(SettingsReader in, ServerLimits embedded) {
    if (embedded.failureMode() == EmbeddedFailureMode.SELECT_SERVER && embedded.limitsConnections()) {
      in.problem("Setting 'embedded.maxIncomingConnections' is " + embedded.maxIncomingConnections() + ", but 'embedded.failureMode' is"
          + " 'select-server', which takes connections until its descriptors run out and has no connection limit. Set"
          + " embedded.failureMode=mongod for a server that refuses past a limit, or embedded.maxIncomingConnections=0.");
    }
  }

  static void clientWithinTheFleet(SettingsReader in, FleetSettings fleet) {
    if (!in.refused("fleet.client", "fleet.clients") && fleet.client() > fleet.clients()) {
      in.problem("Setting 'fleet.client' is " + fleet.client() + ", but 'fleet.clients' is " + fleet.clients() + ": a client's number runs"
          + " from 1 to the fleet's size. scripts/fleet-run sets both; set neither for a run on its own.");
    }
  }

  /** Only a fleet's client waits for its turn. */
  static void fleetStartNeedsAClient(SettingsReader in, double startMillis, int client) {
    if (startMillis != 0 && client == 0) {
      in.problem("Setting 'fleet.start' is given, but 'fleet.client' is 0: only a fleet's client waits for its turn."
          + " scripts/fleet-run sets both; set neither for a run on its own.");
    }
  }

  /** The fleet's start must be near: a client never waits long for its turn, and every run ends by itself. */
  static void turnWithinReach(SettingsReader in, FleetSettings fleet, Instant now) {
    fleet.joinAt().ifPresent(at -> {
      Instant start = fleet.start().orElseThrow();
      if (at.isAfter(now.plus(FLEET_MAX_WAIT)) || start.isBefore(now.minus(FLEET_MAX_WAIT))) {
        in.problem("Settings 'fleet.start' (" + start + ") and 'fleet.joinInterval' (" + fleet.joinInterval().toSeconds() + " s) put this"
            + " client's turn at " + at + ", more than " + FLEET_MAX_WAIT.toMinutes() + " minutes from now (" + now + "): "
            + (at.isAfter(now) ? "the run would wait that long before any load." : "the fleet it belongs to started long ago.")
            + " Give the fleet's start as milliseconds since 1970 a little ahead of now, as scripts/fleet-run does.");
      }
    });
  }
}
