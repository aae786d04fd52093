package lab.portexhaustion.record;

import java.util.Map;
import lab.portexhaustion.BuildInfo;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.sampler.NetworkConditions;
import lab.portexhaustion.target.ServerConditions;
import lab.portexhaustion.target.TargetDescription;

/** {@code harness/conditions.json}: what a run ran under, so runs on different hosts can be compared honestly. */
public record RunConditions(
    String os,
    String arch,
    String jvm,
    int rangeLow,
    int rangeHigh,
    int rangeSize,
    long timeWaitSeconds,
    Integer tcpTwReuse,
    Long tcpMaxTwBuckets,
    String portAllocation,
    String networkSource,
    long descriptorLimit,
    boolean contained,
    TargetDescription target,
    ServerConditions server,
    String harnessVersion,
    String gitCommit,
    Map<String, String> settings) {

  /** {@code server}: the embedded server process's pid, limits and monitoring mode; null for a server that is not the harness's own. */
  public static RunConditions of(NetworkConditions net, long descriptorLimit, TargetDescription target, ServerConditions server,
      HarnessSettings settings) {
    return new RunConditions(net.os(), System.getProperty("os.arch"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        net.range().low(), net.range().high(), net.range().size(), net.timeWait().toSeconds(),
        net.twReuse().orElse(null), net.maxTimeWaitBuckets().orElse(null), net.portAllocation().name().toLowerCase(),
        net.source(), descriptorLimit, System.getenv(lab.portexhaustion.config.VerdictSettings.CONTAINED_ENV) != null,
        target, server, BuildInfo.harnessVersion(), BuildInfo.gitCommit(), settings.reported());
  }
}
