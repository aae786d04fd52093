package lab.portexhaustion.sampler;

/** The highest figures the sampler saw during a run. */
public record SamplePeaks(
    double utilisationPercent,
    int portsInUseTowardTarget,
    int portsInUseAnyDestination,
    int openTowardTarget,
    int timeWaitTowardTarget,
    long timeWaitTotal,
    long descriptorsOpen) {

  static final SamplePeaks NONE = new SamplePeaks(0, 0, 0, 0, 0, 0, 0);

  SamplePeaks with(PortSample s) {
    return new SamplePeaks(
        s.isFull() ? Math.max(utilisationPercent, s.utilisationPercent()) : utilisationPercent,
        s.isFull() ? Math.max(portsInUseTowardTarget, s.portsInUseTowardTarget()) : portsInUseTowardTarget,
        s.isFull() ? Math.max(portsInUseAnyDestination, s.portsInUseAnyDestination()) : portsInUseAnyDestination,
        s.isFull() ? Math.max(openTowardTarget, s.openTowardTarget()) : openTowardTarget,
        s.isFull() ? Math.max(timeWaitTowardTarget, s.timeWait()) : timeWaitTowardTarget,
        Math.max(timeWaitTotal, s.timeWaitTotal()),
        Math.max(descriptorsOpen, s.descriptorsOpen()));
  }
}
