package lab.portexhaustion.sampler;

/**
 * The highest figures the sampler saw during a run.
 *
 * @param serverDescriptorsOpen the server process's, where it is the harness's own; -1 otherwise
 */
public record SamplePeaks(
    double utilisationPercent,
    int portsInUseTowardTarget,
    int portsInUseAnyDestination,
    int openTowardTarget,
    int timeWaitTowardTarget,
    long timeWaitTotal,
    long descriptorsOpen,
    long serverDescriptorsOpen) {

  static final SamplePeaks NONE = new SamplePeaks(0, 0, 0, 0, 0, 0, 0, -1);

  /** Without the server process's figures (a server that is not the harness's own process). */
  public SamplePeaks(double utilisationPercent, int portsInUseTowardTarget, int portsInUseAnyDestination, int openTowardTarget,
      int timeWaitTowardTarget, long timeWaitTotal, long descriptorsOpen) {
    this(utilisationPercent, portsInUseTowardTarget, portsInUseAnyDestination, openTowardTarget, timeWaitTowardTarget, timeWaitTotal,
        descriptorsOpen, -1);
  }

  SamplePeaks with(PortSample s) {
    return new SamplePeaks(
        s.isFull() ? Math.max(utilisationPercent, s.utilisationPercent()) : utilisationPercent,
        s.isFull() ? Math.max(portsInUseTowardTarget, s.portsInUseTowardTarget()) : portsInUseTowardTarget,
        s.isFull() ? Math.max(portsInUseAnyDestination, s.portsInUseAnyDestination()) : portsInUseAnyDestination,
        s.isFull() ? Math.max(openTowardTarget, s.openTowardTarget()) : openTowardTarget,
        s.isFull() ? Math.max(timeWaitTowardTarget, s.timeWait()) : timeWaitTowardTarget,
        Math.max(timeWaitTotal, s.timeWaitTotal()),
        Math.max(descriptorsOpen, s.descriptorsOpen()),
        s.serverDescriptorsOpen() == null ? serverDescriptorsOpen : Math.max(serverDescriptorsOpen, s.serverDescriptorsOpen()));
  }
}
