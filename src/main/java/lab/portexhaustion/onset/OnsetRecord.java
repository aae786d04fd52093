package lab.portexhaustion.onset;

import java.util.Optional;
import lab.portexhaustion.config.LoadProfile;
import lab.portexhaustion.model.Prediction;
import lab.portexhaustion.sampler.PortSample;

/**
 * {@code harness/onset.json}: the first exhaustion-class socket error of a run, what the sampler
 * saw at that moment, and what the model predicted.
 *
 * @param elapsedSeconds when the socket error happened, from the run's start (not when the request that waited
 *     for it failed)
 * @param surfaced where it was seen first: "request" or "driver monitor"
 * @param snapshotAgeMillis how old the sampler figures are: 0 for a snapshot taken at the onset, more when the newest
 *     full sample had to stand in
 * @param arrivalRatePerSecond the rate the injection profile asked for at the onset
 * @param portsPerRequest measured before the onset (units of the deciding resource per request); null when not measured
 * @param predictedOnsetSeconds when the model says the deciding resource runs out; null if not within the profile or
 *     not modelled
 * @param kneeRatePerSecond the sustainable rate: free units / hold / units per request; null where units are held until
 *     the end
 */
public record OnsetRecord(
    String at,
    double elapsedSeconds,
    String surfaced,
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
    Double kneeRatePerSecond) {

  public static OnsetRecord of(Onset onset, PortSample snapshot, LoadProfile load, Optional<Prediction> prediction) {
    double elapsed = onset.elapsed().toMillis() / 1000.0;
    return new OnsetRecord(onset.at().toString(), elapsed, onset.surfaced(), onset.error().kind().label(), onset.error().code(),
        onset.error().message(), onset.error().rawClass(), onset.error().rawMessage(),
        onset.requestsStarted(), onset.requestsSucceeded(), onset.requestsFailed(),
        Math.round(load.rateAt(elapsed) * 10) / 10.0,
        Math.max(0, onset.elapsed().toMillis() - snapshot.elapsedMillis()),
        snapshot.portsInUseTowardTarget(), snapshot.portsInUseAnyDestination(), snapshot.timeWait(),
        snapshot.openTowardTarget(), snapshot.utilisationPercent(), snapshot.rangeSize(),
        snapshot.descriptorsOpen(), snapshot.descriptorsMax(),
        prediction.filter(Prediction::isMeasured).map(Prediction::perRequest).orElse(null),
        prediction.map(Prediction::onsetSeconds).orElse(null),
        prediction.map(Prediction::kneeRatePerSecond).orElse(null));
  }
}
