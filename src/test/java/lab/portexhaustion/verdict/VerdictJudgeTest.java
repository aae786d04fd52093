package lab.portexhaustion.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import lab.portexhaustion.TestSettings;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.StrategyKind;
import lab.portexhaustion.onset.OnsetRecord;
import lab.portexhaustion.sampler.SamplePeaks;
import org.junit.jupiter.api.Test;

class VerdictJudgeTest {

  private static final HarnessSettings CHECKED = TestSettings.with("verdict.enabled", "on", "pool.maxPoolSize", "10");
  private static final SamplePeaks QUIET = new SamplePeaks(0.4, 4, 30, 3, 2, 2, 40);

  private static OnsetRecord onset() {
    return new OnsetRecord("2026-11-25T00:00:00Z", 19.8, "ephemeral ports", "EADDRNOTAVAIL", "EADDRNOTAVAIL Cannot assign requested address",
        "java.net.BindException", "Cannot assign requested address", 999, 997, 2, 99, 1000, 1000, 1000, 0, 100.0, 1000, 50, 1024,
        1.0, 19.5, 16.7);
  }

  @Test
  void unpooledStrategiesMustExhaust() {
    Verdict met = VerdictJudge.judge("RawSocketSimulation", StrategyKind.RAW_SOCKET, CHECKED, Optional.of(onset()), QUIET);
    Verdict missed = VerdictJudge.judge("RawSocketSimulation", StrategyKind.RAW_SOCKET, CHECKED, Optional.empty(), QUIET);

    assertThat(met.passed()).isTrue();
    assertThat(met.line()).startsWith("VERDICT PASS RawSocketSimulation: expected exhaustion, got exhaustion at 19.8 s (EADDRNOTAVAIL");
    assertThat(missed.passed()).isFalse();
    assertThat(missed.line()).startsWith("VERDICT FAIL").contains("got no exhaustion, peak utilisation 0.4 %");
  }

  @Test
  void pooledMustStayCleanAndWithinItsPool() {
    assertThat(VerdictJudge.judge("PooledSimulation", StrategyKind.POOLED, CHECKED, Optional.empty(), QUIET).passed()).isTrue();
    assertThat(VerdictJudge.judge("PooledSimulation", StrategyKind.POOLED, CHECKED, Optional.of(onset()), QUIET).passed()).isFalse();

    SamplePeaks overPool = new SamplePeaks(1.5, 15, 40, 13, 2, 2, 40);
    Verdict tooMany = VerdictJudge.judge("PooledSimulation", StrategyKind.POOLED, CHECKED, Optional.empty(), overPool);
    assertThat(tooMany.passed()).isFalse();
    assertThat(tooMany.line()).contains("maxPoolSize 10 + 2 monitoring", "peak 13 open sockets");
  }

  @Test
  void uncheckedExpectationsOnlyReport() {
    HarnessSettings off = TestSettings.with("verdict.enabled", "off");

    Verdict verdict = VerdictJudge.judge("RawSocketSimulation", StrategyKind.RAW_SOCKET, off, Optional.empty(), QUIET);

    assertThat(verdict.checked()).isFalse();
    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.line()).startsWith("VERDICT INFO").contains("verdict.enabled=off");
  }

  @Test
  void anyExpectationIsNeverChecked() {
    HarnessSettings any = TestSettings.with("verdict.enabled", "on", "verdict.raw-socket", "any");

    assertThat(VerdictJudge.judge("RawSocketSimulation", StrategyKind.RAW_SOCKET, any, Optional.empty(), QUIET).checked()).isFalse();
  }
}
