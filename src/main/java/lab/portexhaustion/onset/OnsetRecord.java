package lab.portexhaustion.onset;

import java.util.Optional;
import lab.portexhaustion.config.LoadProfile;
import lab.portexhaustion.failure.ErrorKind;
import lab.portexhaustion.model.Prediction;
import lab.portexhaustion.sampler.FullSample;
import lab.portexhaustion.sampler.PortSample;

/**
 * {@code harness/onset.json}: the first exhaustion-class socket error of a run, what the sampler
 * saw at that moment, and what the model predicted.
 *
 * @param elapsedSeconds when the socket error happened, from the run's start (not when the request that waited
 *     for it failed)
 * @param surfaced where it was seen first: "request", "driver monitor", or "server" (the server process's first failed accept)
 * @param side which side ran out: "client" (its ports or descriptors) or "server" (it refused or failed to accept
 *     connections); empty in runs recorded before it was
 * @param snapshotAgeMillis how old the sampler figures are: 0 for a snapshot taken at the onset, more when the newest
 *     full sample had to stand in
 * @param visitsServed the visits with a request that succeeded by the onset (virtual users, each counted once): with
 *     {@code requestsSucceeded}, the requests a visit sent, loops included; empty in runs recorded before it was counted
 * @param visitRatePerSecond the rate the injection profile asked for at the onset, in visits (arrivals) per second
 * @param descriptorsOpen this process's open descriptors; empty where the OS does not count them (Windows)
 * @param unitsPerVisit units of the deciding resource per visit, measured before the onset; empty when not measured
 * @param predictedOnsetSeconds when the model says the deciding resource runs out; empty if not within the profile or
 *     not modelled
 * @param kneeVisitsPerSecond the sustainable visit rate: free units / hold / units per visit; empty where units are held
 *     until the end
 * @param serverDescriptorsOpen the server process's open descriptors at the onset; empty for a server that is not the
 *     harness's own process
 * @param serverDescriptorsMax its descriptor limit
 * @param serverOpenConnections connections it held open
 */
public record OnsetRecord(
    String at,
    double elapsedSeconds,
    String surfaced,
    Optional<String> side,
    String kind,
    String code,
    String message,
    String rawClass,
    String rawMessage,
    long requestsStarted,
    long requestsSucceeded,
    long requestsFailed,
    Optional<Long> visitsServed,
    double visitRatePerSecond,
    long snapshotAgeMillis,
    int portsInUseTowardTarget,
    int portsInUseAnyDestination,
    int timeWaitTowardTarget,
    int openTowardTarget,
    double utilisationPercent,
    int rangeSize,
    Optional<Long> descriptorsOpen,
    Optional<Long> descriptorsMax,
    Optional<Double> unitsPerVisit,
    Optional<Double> predictedOnsetSeconds,
    Optional<Double> kneeVisitsPerSecond,
    Optional<Long> serverDescriptorsOpen,
    Optional<Long> serverDescriptorsMax,
    Optional<Integer> serverOpenConnections) {

  /** Where the server's own failed accept surfaces. */
  public static final String SERVER = "server";

  /**
   * The requests a visit sent before the onset, as measured: those that succeeded over the visits served, loops and
   * their rounds included; empty in runs recorded before visits were counted, or with none served.
   */
  public Optional<Double> requestsPerVisitServed() {
    return visitsServed.filter(visits -> visits > 0).map(visits -> (double) requestsSucceeded / visits);
  }

  public static OnsetRecord of(Onset onset, FullSample snapshot, LoadProfile load, Optional<Prediction> prediction) {
    double elapsed = onset.elapsed().toMillis() / 1000.0;
    return new OnsetRecord(onset.at().toString(), elapsed, onset.surfaced(), Optional.of(side(onset)), onset.error().kind().label(), onset.error().code(),
        onset.error().message(), onset.error().rawClass(), onset.error().rawMessage(),
        onset.requestsStarted(), onset.requestsSucceeded(), onset.requestsFailed(), Optional.of(onset.visitsServed()),
        Math.round(load.rateAt(elapsed) * 10) / 10.0,
        Math.max(0, onset.elapsed().toMillis() - snapshot.elapsedMillis()),
        snapshot.ports().towardTarget(), snapshot.ports().anyDestination(), snapshot.towardTarget().timeWait(),
        snapshot.towardTarget().open(), snapshot.ports().utilisationPercent(), snapshot.totals().rangeSize(),
        snapshot.totals().descriptors().map(PortSample.Descriptors::open), snapshot.totals().descriptors().map(PortSample.Descriptors::max),
        prediction.filter(Prediction::isMeasured).map(Prediction::perVisit),
        prediction.flatMap(Prediction::onsetSeconds),
        prediction.flatMap(Prediction::kneeVisitsPerSecond),
        snapshot.server().flatMap(PortSample.ServerFigures::descriptors).map(PortSample.Descriptors::open),
        snapshot.server().flatMap(PortSample.ServerFigures::descriptors).map(PortSample.Descriptors::max),
        snapshot.server().map(PortSample.ServerFigures::openConnections));
  }

  /** The server ran out when it failed to accept or refused the connection; else the client did. */
  private static String side(Onset onset) {
    return SERVER.equals(onset.surfaced()) || onset.error().kind() == ErrorKind.SERVER_REFUSED ? "server" : "client";
  }
}
