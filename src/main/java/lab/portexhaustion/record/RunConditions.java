package lab.portexhaustion.record;

import java.util.Map;
import java.util.Optional;
import lab.portexhaustion.BuildInfo;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.LauncherEnvironment;
import lab.portexhaustion.sampler.NetworkConditions;
import lab.portexhaustion.target.ServerConditions;
import lab.portexhaustion.target.TargetDescription;

/**
 * {@code harness/conditions.json}: what a run ran under, so runs on different hosts can be compared honestly.
 *
 * @param tcpTwReuse Linux {@code net.ipv4.tcp_tw_reuse}; empty elsewhere
 * @param tcpMaxTwBuckets Linux {@code net.ipv4.tcp_max_tw_buckets}; empty elsewhere
 * @param descriptorLimit this process's; empty where the OS has none (Windows)
 * @param server the embedded server process's pid, limits and monitoring mode; empty for a server that is not the
 *     harness's own
 */
public record RunConditions(
    String os,
    String arch,
    String jvm,
    int rangeLow,
    int rangeHigh,
    int rangeSize,
    long timeWaitSeconds,
    Optional<Integer> tcpTwReuse,
    Optional<Long> tcpMaxTwBuckets,
    String portAllocation,
    String networkSource,
    Optional<Long> descriptorLimit,
    boolean contained,
    TargetDescription target,
    Optional<ServerConditions> server,
    String harnessVersion,
    String gitCommit,
    Map<String, String> settings) {

  public static RunConditions of(NetworkConditions net, Optional<Long> descriptorLimit, TargetDescription target,
      Optional<ServerConditions> server, HarnessSettings settings) {
    return new RunConditions(net.os(), System.getProperty("os.arch"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
            + " (" + JitCompilers.ofThisJvm() + ")",
        net.range().low(), net.range().high(), net.range().size(), net.timeWait().toSeconds(),
        net.twReuse(), net.maxTimeWaitBuckets(), net.portAllocation().name().toLowerCase(),
        net.source(), descriptorLimit, LauncherEnvironment.contained(),
        target, server, BuildInfo.harnessVersion(), BuildInfo.gitCommit(), settings.reported());
  }
}
