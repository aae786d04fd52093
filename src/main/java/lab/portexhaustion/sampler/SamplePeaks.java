package lab.portexhaustion.sampler;

import java.util.Optional;

/**
 * The highest figures the sampler saw during a run; 0 for a figure no sample had.
 *
 * @param serverDescriptorsOpen the server process's, where it is the harness's own; empty otherwise
 */
public record SamplePeaks(
    double utilisationPercent,
    int portsInUseTowardTarget,
    int portsInUseAnyDestination,
    int openTowardTarget,
    int timeWaitTowardTarget,
    long timeWaitTotal,
    long descriptorsOpen,
    Optional<Long> serverDescriptorsOpen) {

  static final SamplePeaks NONE = new SamplePeaks(0, 0, 0, 0, 0, 0, 0, Optional.empty());

  SamplePeaks with(PortSample s) {
    long timeWait = Math.max(timeWaitTotal, s.totals().timeWaitTotal().orElse(0L));
    long descriptors = Math.max(descriptorsOpen, s.totals().descriptors().map(PortSample.Descriptors::open).orElse(0L));
    Optional<Long> server = s.server().flatMap(PortSample.ServerFigures::descriptors).map(d -> Math.max(d.open(), serverDescriptorsOpen.orElse(0L)))
        .or(() -> serverDescriptorsOpen);
    if (!(s instanceof FullSample full)) {
      return new SamplePeaks(utilisationPercent, portsInUseTowardTarget, portsInUseAnyDestination, openTowardTarget,
          timeWaitTowardTarget, timeWait, descriptors, server);
    }
    return new SamplePeaks(
        Math.max(utilisationPercent, full.ports().utilisationPercent()),
        Math.max(portsInUseTowardTarget, full.ports().towardTarget()),
        Math.max(portsInUseAnyDestination, full.ports().anyDestination()),
        Math.max(openTowardTarget, full.towardTarget().open()),
        Math.max(timeWaitTowardTarget, full.towardTarget().timeWait()),
        timeWait, descriptors, server);
  }
}
