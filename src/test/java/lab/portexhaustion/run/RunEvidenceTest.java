package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.portexhaustion.config.SettingsLoader;
import lab.portexhaustion.measure.CpuTimes;
import lab.portexhaustion.measure.RunMetrics;
import lab.portexhaustion.verdict.Evidence;
import org.junit.jupiter.api.Test;

/** The machine's part of a run's evidence: its CPU shares up to the onset, as the rest of the pace. */
class RunEvidenceTest {

  private static final Instant STARTED = Instant.parse("2026-12-02T08:00:00Z");

  private static Evidence.Pace pace(Optional<CpuTimes> atStart, Optional<CpuTimes> atOnset) {
    RunEvidence.Parts parts = new RunEvidence.Parts(STARTED, STARTED.plusSeconds(60), Optional.empty(),
        new RunMetrics((second, okLatencyMicros) -> {}), Optional.empty(), SettingsLoader.load(Map.of(), Path.of("no-harness.conf")),
        new SamplerPace(), List.of(), atStart, atOnset);
    return RunEvidence.gather(parts).pace();
  }

  @Test
  void theCpuSharesAreThoseFromTheStartToTheOnset() {
    // 1,000 ticks between the start and the onset: 100 of them idle, 50 stolen
    Optional<CpuTimes> start = Optional.of(new CpuTimes(10_000, 4_000, Optional.of(200L)));
    Optional<CpuTimes> onset = Optional.of(new CpuTimes(11_000, 4_100, Optional.of(250L)));

    Evidence.Pace pace = pace(start, onset);

    assertThat(pace.cpuBusyPercent()).contains(90.0);
    assertThat(pace.cpuStealPercent()).contains(5.0);
  }

  /**
   * After a target is lost the workers wait on its timeouts and the run falls behind its profile on an idle machine:
   * the pace counts up to the loss (seen on 2026-12-04: a killed uri target, 10.6 s of lag at 45 % busy, blamed on
   * the machine), as up to an onset.
   */
  @Test
  void thePaceCountsUpToTheOnsetOrTheTargetsLossWhicheverCameFirst() {
    Evidence.Answers answered = new Evidence.Answers(Optional.of(59.5), 0, 60.0);
    Evidence.Answers silentFrom11 = new Evidence.Answers(Optional.of(11.3), 2_110, 60.0);
    Evidence.Answers silentBriefly = new Evidence.Answers(Optional.of(58.0), 40, 60.0);
    Optional<Evidence.TargetDeath> diedAt8 = Optional.of(new Evidence.TargetDeath(8.0, "signal 9"));

    assertThat(RunEvidence.paceUntil(Optional.empty(), Optional.empty(), answered)).isEqualTo(60.0);
    assertThat(RunEvidence.paceUntil(Optional.empty(), Optional.empty(), silentFrom11)).isEqualTo(11.3);
    assertThat(RunEvidence.paceUntil(Optional.empty(), Optional.empty(), silentBriefly)).as("2 s of silence: not lost").isEqualTo(60.0);
    assertThat(RunEvidence.paceUntil(Optional.empty(), diedAt8, silentFrom11)).isEqualTo(8.0);
  }

  @Test
  void withoutAReadingAtTheOnsetTheEndsStandsIn() {
    Optional<CpuTimes> read = CpuTimes.now();
    assumeTrue(read.isPresent(), "no /proc/stat here: the end's reading cannot be checked");
    CpuTimes now = read.get();
    // starts 1,000 ticks before now, all of them idle or none: the share then comes from the end's reading (the few
    // ticks this test itself takes move it by a percent or so)
    Optional<CpuTimes> allIdle = Optional.of(new CpuTimes(now.total() - 1_000, now.idle() - 1_000, Optional.empty()));
    Optional<CpuTimes> allBusy = Optional.of(new CpuTimes(now.total() - 1_000, now.idle(), Optional.empty()));

    assertThat(pace(allIdle, Optional.empty()).cpuBusyPercent()).hasValueSatisfying(busy -> assertThat(busy).isLessThan(10.0));
    assertThat(pace(allBusy, Optional.empty()).cpuBusyPercent()).hasValueSatisfying(busy -> assertThat(busy).isGreaterThan(90.0));
  }
}
