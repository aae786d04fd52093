package lab.portexhaustion.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.config.LoadProfile;
import org.junit.jupiter.api.Test;

/** The figures of a run's pace: how far behind its profile, how much slower than its first seconds, the CPU stolen. */
class PaceMeasuresTest {

  /** The built-in profile: 5 to 100 arrivals/s over 20 s, then 100/s for 15 s. */
  private static final LoadProfile BUILT_IN = profile(5, 100, 20, 15);
  private static final LoadProfile TEN_PER_SECOND = profile(10, 10, 0, 30);

  private static LoadProfile profile(double start, double peak, int rampSeconds, int holdSeconds) {
    return new LoadProfile(start, peak, Duration.ofSeconds(rampSeconds), Duration.ofSeconds(holdSeconds), Duration.ofSeconds(120),
        Duration.ofSeconds(5), 128, 10_000);
  }

  private static List<SecondStats> started(long... perSecond) {
    List<SecondStats> rows = new ArrayList<>();
    for (int i = 0; i < perSecond.length; i++) {
      rows.add(new SecondStats(i, perSecond[i], perSecond[i], 0, 5, 9, 12));
    }
    return rows;
  }

  @Test
  void theProfileAsksForWhatDocsVerdictMdCounts() {
    assertThat(ScheduleLag.asked(20, BUILT_IN)).isEqualTo(1_050);
    assertThat(ScheduleLag.asked(35, BUILT_IN)).isEqualTo(2_550);
    assertThat(ScheduleLag.timeToAskFor(1_050, BUILT_IN)).isCloseTo(20, within(0.001));
    assertThat(ScheduleLag.timeToAskFor(5_000, BUILT_IN)).as("more than it ever asks for").isEqualTo(35);
  }

  @Test
  void aRunOnScheduleHasNoLagAndAStallIsMeasuredInSeconds() {
    List<SecondStats> onTime = started(10, 10, 10, 10, 10, 10, 10, 10, 10, 10);
    // Nothing started for three seconds, then the backlog at once: 50 started by t = 8 s, which the profile asked for by 5 s.
    List<SecondStats> stalled = started(10, 10, 10, 10, 10, 0, 0, 0, 30, 10);

    assertThat(ScheduleLag.worst(onTime, 0.0, TEN_PER_SECOND, 10)).hasValue(0.0);
    assertThat(ScheduleLag.worst(stalled, 0.0, TEN_PER_SECOND, 10).orElseThrow()).isCloseTo(3.0, within(0.001));
    assertThat(ScheduleLag.worst(stalled, 0.0, TEN_PER_SECOND, 6.5).orElseThrow()).as("measured to the onset only")
        .isCloseTo(1.0, within(0.001));
    assertThat(ScheduleLag.worst(List.of(), 0.0, TEN_PER_SECOND, 10)).isEmpty();
  }

  @Test
  void latencyIsHeldAgainstTheRunsOwnFirstSeconds() {
    // A client-per-request run's seconds on a machine 100 % busy (started, OK, p50), to its onset at 12.7 s.
    double[][] seconds = {{0, 0, 0}, {4, 0, 0}, {10, 13, 157.31}, {15, 16, 36.06}, {20, 17, 55.65}, {24, 26, 90.11},
        {27, 23, 64.54}, {35, 39, 85.89}, {28, 18, 30.62}, {52, 15, 724.48}, {50, 65, 942.08}, {53, 52, 541.18},
        {58, 47, 457.73}, {62, 0, 0}};
    List<SecondStats> rows = new ArrayList<>();
    for (int i = 0; i < seconds.length; i++) {
      rows.add(new SecondStats(i, (long) seconds[i][0], (long) seconds[i][1], 0, seconds[i][2], 0, 0));
    }

    Optional<LatencyGrowth.Medians> medians = LatencyGrowth.of(rows, 12.7);

    assertThat(medians).hasValue(new LatencyGrowth.Medians(55.65, 724.48));
    assertThat(LatencyGrowth.of(rows, 6.0)).as("too few seconds before the onset to say").isEmpty();
  }

  @Test
  void cpuTimesComeFromProcStatsFirstLine() {
    CpuTimes before = CpuTimes.parse("cpu  344757 0 57694 177673 367 0 2255 526 0 0").orElseThrow();
    CpuTimes after = CpuTimes.parse("cpu  345639 0 57803 177680 367 0 2255 527 0 0").orElseThrow();

    assertThat(after.busyPercentSince(before)).hasValue(99.3);
    assertThat(after.stealPercentSince(before)).hasValue(0.1);
    CpuTimes onlyStolen = CpuTimes.parse("cpu  344757 0 57694 177673 367 0 2255 1526 0 0").orElseThrow();
    assertThat(onlyStolen.busyPercentSince(before)).as("stolen time is busy time: the saturated-machine check counts it")
        .hasValue(100.0);
    assertThat(onlyStolen.stealPercentSince(before)).hasValue(100.0);
    assertThat(CpuTimes.parse("cpu  344757 0 57694 177673 367").orElseThrow().steal()).as("a kernel without steal").isEmpty();
    assertThat(CpuTimes.parse("intr 1 2 3")).isEmpty();
    assertThat(CpuTimes.now()).as("this machine's").isPresent();
  }
}
