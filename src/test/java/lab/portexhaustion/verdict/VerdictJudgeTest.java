package lab.portexhaustion.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import lab.portexhaustion.TestSettings;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.Scenario;
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
    Verdict met = VerdictJudge.judge("RawSocketSimulation", Scenario.RAW_SOCKET, CHECKED, Optional.of(onset()), QUIET);
    Verdict missed = VerdictJudge.judge("RawSocketSimulation", Scenario.RAW_SOCKET, CHECKED, Optional.empty(), QUIET);

    assertThat(met.passed()).isTrue();
    assertThat(met.line()).startsWith("VERDICT PASS RawSocketSimulation: expected exhaustion, got exhaustion at 19.8 s (EADDRNOTAVAIL");
    assertThat(missed.passed()).isFalse();
    assertThat(missed.line()).startsWith("VERDICT FAIL").contains("got no exhaustion, peak utilisation 0.4 %");
  }

  @Test
  void pooledMustStayCleanAndWithinItsPool() {
    assertThat(VerdictJudge.judge("PooledSimulation", Scenario.POOLED, CHECKED, Optional.empty(), QUIET).passed()).isTrue();
    assertThat(VerdictJudge.judge("PooledSimulation", Scenario.POOLED, CHECKED, Optional.of(onset()), QUIET).passed()).isFalse();

    SamplePeaks overPool = new SamplePeaks(1.5, 15, 40, 13, 2, 2, 40);
    Verdict tooMany = VerdictJudge.judge("PooledSimulation", Scenario.POOLED, CHECKED, Optional.empty(), overPool);
    assertThat(tooMany.passed()).isFalse();
    assertThat(tooMany.line()).contains("maxPoolSize 10 + 2 monitoring", "peak 13 open sockets");
  }

  @Test
  void uncheckedExpectationsOnlyReport() {
    HarnessSettings off = TestSettings.with("verdict.enabled", "off");

    Verdict verdict = VerdictJudge.judge("RawSocketSimulation", Scenario.RAW_SOCKET, off, Optional.empty(), QUIET);

    assertThat(verdict.checked()).isFalse();
    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.line()).startsWith("VERDICT INFO").contains("verdict.enabled=off");
  }

  @Test
  void anyExpectationIsNeverChecked() {
    HarnessSettings any = TestSettings.with("verdict.enabled", "on", "verdict.raw-socket", "any");

    assertThat(VerdictJudge.judge("RawSocketSimulation", Scenario.RAW_SOCKET, any, Optional.empty(), QUIET).checked()).isFalse();
  }

  @Test
  void keepAliveAgainstAnIdleTimeoutMustStayWithinRateTimesTimeout() {
    HarnessSettings idleTimeout = TestSettings.forScenario(Scenario.KEEP_ALIVE_IDLE_TIMEOUT, "verdict.enabled", "on",
        "load.peakRate", "100", "scenario.keep-alive-idle-timeout.embedded.idleTimeout", "5s");
    SamplePeaks bounded = new SamplePeaks(2.0, 520, 530, 540, 3, 3, 1300);
    SamplePeaks unbounded = new SamplePeaks(3.0, 700, 710, 700, 3, 3, 1700);

    Verdict within = VerdictJudge.judge("KeepAliveIdleTimeoutSimulation", Scenario.KEEP_ALIVE_IDLE_TIMEOUT, idleTimeout, Optional.empty(), bounded);
    Verdict beyond = VerdictJudge.judge("KeepAliveIdleTimeoutSimulation", Scenario.KEEP_ALIVE_IDLE_TIMEOUT, idleTimeout, Optional.empty(), unbounded);

    assertThat(within.passed()).isTrue();
    assertThat(within.line()).contains("open connections at most 550, 110 % of peak rate 100/s x idle timeout 5.0 s = 500");
    assertThat(beyond.passed()).isFalse();
    assertThat(beyond.line()).contains("peak 700 open sockets");
  }

  @Test
  void idleConnectionScenariosWithoutTimeoutMustRunOutOfDescriptors() {
    HarnessSettings checked = TestSettings.forScenario(Scenario.KEEP_ALIVE, "verdict.enabled", "on");
    OnsetRecord descriptors = new OnsetRecord("2026-11-25T00:00:00Z", 17.2, "descriptors", "EMFILE", "EMFILE Too many open files",
        "java.net.SocketException", "Too many open files", 880, 879, 1, 100, 880, 880, 0, 880, 3.1, 28232, 2048, 2048, null, null, null);

    Verdict met = VerdictJudge.judge("KeepAliveSimulation", Scenario.KEEP_ALIVE, checked, Optional.of(descriptors), QUIET);
    Verdict missed = VerdictJudge.judge("KeepAliveSimulation", Scenario.KEEP_ALIVE, checked, Optional.empty(), QUIET);

    assertThat(met.passed()).isTrue();
    assertThat(met.line()).contains("expected exhaustion, got exhaustion at 17.2 s (EMFILE", "2048 descriptors open");
    assertThat(missed.passed()).isFalse();
  }
}
