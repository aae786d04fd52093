package lab.portexhaustion.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeasuredUseTest {

  @Test
  void portsBeyondTheBaselineOverServedVisits() {
    MeasuredUse use = new MeasuredUse(60_000);
    use.observe(0, 3, 0);
    use.observe(10_000, 1003, 500);

    assertThat(use.perVisit()).isEqualTo(2.0);
  }

  @Test
  void stopsUpdatingAfterOneTimeWaitWhenPortsComeBack() {
    MeasuredUse use = new MeasuredUse(60_000);
    use.observe(0, 0, 0);
    use.observe(30_000, 300, 300);
    use.observe(70_000, 300, 900);

    assertThat(use.perVisit()).isEqualTo(1.0);
  }

  @Test
  void unknownUntilASampleUnderLoad() {
    MeasuredUse use = new MeasuredUse(60_000);
    use.observe(0, 5, 0);

    assertThat(use.perVisit()).isNaN();
    assertThat(use.peakBeyondBaseline()).isEmpty();
  }

  @Test
  void unitsHeldUntilTheEndKeepUpdatingTheEstimate() {
    MeasuredUse descriptors = new MeasuredUse(Long.MAX_VALUE);
    descriptors.observe(0, 100, 0);
    descriptors.observe(10_000, 300, 100);
    descriptors.observe(3_600_000, 2100, 1000);

    assertThat(descriptors.perVisit()).isEqualTo(2.0);
  }

  @Test
  void thePeakIsWhereAPoolLevelledOffWhateverTheVisits() {
    // The 11-port run: 5 ports in use before the load; the pool grew by 3 ports at 8 s, 5 at 16 s, then held them.
    MeasuredUse pool = new MeasuredUse(60_000);
    pool.observe(0, 5, 0);
    pool.observe(8_000, 8, 300);
    pool.observe(16_000, 10, 900);
    pool.observe(30_000, 10, 2_200);

    assertThat(pool.peakBeyondBaseline()).hasValue(5);
    assertThat(pool.perVisit()).as("over the visits, a plateau fades to nothing: no figure per visit describes it").isEqualTo(0.0);
  }
}
