package lab.portexhaustion.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyMillisTest {

  @Test
  void aTieRoundsUpWhereDividingByAThousandFirstFellBelowIt() {
    assertThat(Math.round(37_535 / 1000.0 * 100) / 100.0).as("the summary's old rounding").isEqualTo(37.53);
    assertThat(LatencyMillis.of(37_535)).isEqualTo(37.54);
    assertThat(LatencyMillis.of(137_855)).isEqualTo(137.86);
    assertThat(LatencyMillis.of(37_534)).isEqualTo(37.53);
    assertThat(LatencyMillis.of(0)).isZero();
  }

  @Test
  void aHistogramsPercentileAndMaximumAreRoundedTheSameWay() {
    Histogram micros = new Histogram(3);
    assertThat(LatencyMillis.atPercentile(micros, 99)).as("empty").isZero();
    assertThat(LatencyMillis.max(micros)).as("empty").isZero();

    micros.recordValue(1_000);
    micros.recordValue(37_535);

    assertThat(LatencyMillis.atPercentile(micros, 99)).isEqualTo(LatencyMillis.of(micros.getValueAtPercentile(99)));
    assertThat(LatencyMillis.max(micros)).isEqualTo(LatencyMillis.of(micros.getMaxValue()));
  }
}
