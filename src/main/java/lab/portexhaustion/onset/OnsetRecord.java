package lab.portexhaustion.onset;

import java.time.Duration;
import java.util.OptionalDouble;
import lab.portexhaustion.config.LoadProfile;
import lab.portexhaustion.failure.ErrorKind;
import lab.portexhaustion.sampler.NetworkConditions;
import lab.portexhaustion.sampler.PortSample;

/**
 * {@code harness/onset.json}: the first exhaustion-class failure of a run, what the sampler saw
 * at that moment, and what the port model predicted.
 *
 * @param arrivalRatePerSecond the rate the injection profile asked for at the onset
 * @param portsPerRequest measured before the onset (see {@code PortsPerRequest}); null when not measured
 * @param predictedOnsetSeconds when {@link ExhaustionModel} says the free ports run out; null if not within the profile,
 *     or when the onset is not of ports
 * @param kneeRatePerSecond the sustainable rate: range / TIME_WAIT / ports per request
 */
public record OnsetRecord(
    String at,
    double elapsedSeconds,
    String kind,
    String code,
    String message,
    String rawClass,
    String rawMessage,
    long requestsStarted,
    long requestsSucceeded,
    long requestsFailed,
    double arrivalRatePerSecond,
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

  public static OnsetRecord of(Onset onset, PortSample snapshot, LoadProfile load, NetworkConditions conditions,
      double portsPerRequest, int baselinePorts) {
    double elapsed = onset.elapsed().toMillis() / 1000.0;
    boolean measured = !Double.isNaN(portsPerRequest) && portsPerRequest > 0;
    Duration holdPerRequest = conditions.timeWait();
    // The port model says when ports run out; for another resource its prediction would mean nothing.
    OptionalDouble predicted = measured && onset.error().kind() == ErrorKind.EPHEMERAL_PORTS
        ? ExhaustionModel.predictedOnsetSeconds(load, portsPerRequest, holdPerRequest, conditions.range().size() - baselinePorts)
        : OptionalDouble.empty();
    return new OnsetRecord(onset.at().toString(), elapsed, onset.error().kind().label(), onset.error().code(),
        onset.error().message(), onset.error().rawClass(), onset.error().rawMessage(),
        onset.requestsStarted(), onset.requestsSucceeded(), onset.requestsFailed(),
        Math.round(load.rateAt(elapsed) * 10) / 10.0,
        snapshot.portsInUseTowardTarget(), snapshot.portsInUseAnyDestination(), snapshot.timeWait(),
        snapshot.openTowardTarget(), snapshot.utilisationPercent(), snapshot.rangeSize(),
        snapshot.descriptorsOpen(), snapshot.descriptorsMax(),
        measured ? portsPerRequest : null,
        predicted.isPresent() ? predicted.getAsDouble() : null,
        measured ? Math.round(conditions.kneeRate(portsPerRequest) * 10) / 10.0 : null);
  }
}
