package lab.portexhaustion.onset;

import java.util.Optional;
import lab.portexhaustion.config.LoadProfile;
import lab.portexhaustion.failure.ErrorKind;
import lab.portexhaustion.model.Prediction;
import lab.portexhaustion.sampler.PortSample;

/**
 * {@code harness/onset.json}: the first exhaustion-class socket error of a run, what the sampler
 * saw at that moment, and what the model predicted.
 *
 * @param elapsedSeconds when the socket error happened, from the run's start (not when the request that waited
 *     for it failed)
 * @param surfaced where it was seen first: "request", "driver monitor", or "server" (the server process's first failed accept)
 * @param side which side ran out: "client" (its ports or descriptors) or "server" (it refused or failed to accept
 *     connections)
 * @param snapshotAgeMillis how old the sampler figures are: 0 for a snapshot taken at the onset, more when the newest
 *     full sample had to stand in
 * @param arrivalRatePerSecond the rate the injection profile asked for at the onset
 * @param portsPerRequest measured before the onset (units of the deciding resource per request); null when not measured
 * @param predictedOnsetSeconds when the model says the deciding resource runs out; null if not within the profile or
 *     not modelled
 * @param kneeRatePerSecond the sustainable rate: free units / hold / units per request; null where units are held until
 *     the end
 * @param serverDescriptorsOpen the server process's open descriptors at the onset; null for a server that is not the
 *     harness's own process
 * @param serverDescriptorsMax its descriptor limit
 * @param serverOpenConnections connections it held open
 */
public record OnsetRecord(
    String at,
    double elapsedSeconds,
    String surfaced,
    String side,
    String kind,
    String code,
    String message,
    String rawClass,
    String rawMessage,
    long requestsStarted,
    long requestsSucceeded,
    long requestsFailed,
    double arrivalRatePerSecond,
    long snapshotAgeMillis,
    Integer portsInUseTowardTarget,
    Integer portsInUseAnyDestination,
    Integer timeWaitTowardTarget,
    Integer openTowardTarget,
    Double utilisationPercent,
    int rangeSize,
    long descriptorsOpen,
    long descriptorsMax,
    Double portsPerRequest,
    Double predictedOnsetSeconds,
    Double kneeRatePerSecond,
    Long serverDescriptorsOpen,
    Long serverDescriptorsMax,
    Integer serverOpenConnections) {

  /** Where the server's own failed accept surfaces. */
  public static final String SERVER = "server";

  public static OnsetRecord of(Onset onset, PortSample snapshot, LoadProfile load, Optional<Prediction> prediction) {
    double elapsed = onset.elapsed().toMillis() / 1000.0;
    return new OnsetRecord(onset.at().toString(), elapsed, onset.surfaced(), side(onset), onset.error().kind().label(), onset.error().code(),
        onset.error().message(), onset.error().rawClass(), onset.error().rawMessage(),
        onset.requestsStarted(), onset.requestsSucceeded(), onset.requestsFailed(),
        Math.round(load.rateAt(elapsed) * 10) / 10.0,
        Math.max(0, onset.elapsed().toMillis() - snapshot.elapsedMillis()),
        snapshot.portsInUseTowardTarget(), snapshot.portsInUseAnyDestination(), snapshot.timeWait(),
        snapshot.openTowardTarget(), snapshot.utilisationPercent(), snapshot.rangeSize(),
        snapshot.descriptorsOpen(), snapshot.descriptorsMax(),
        prediction.filter(Prediction::isMeasured).map(Prediction::perRequest).orElse(null),
        prediction.map(Prediction::onsetSeconds).orElse(null),
        prediction.map(Prediction::kneeRatePerSecond).orElse(null),
        snapshot.serverDescriptorsOpen(), snapshot.serverDescriptorsMax(), snapshot.serverOpenConnections());
  }

  /** The server ran out when it failed to accept or refused the connection; else the client did. */
  private static String side(Onset onset) {
    return SERVER.equals(onset.surfaced()) || onset.error().kind() == ErrorKind.SERVER_REFUSED ? "server" : "client";
  }
}
