package lab.portexhaustion.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import lab.portexhaustion.sampler.FullSample;
import org.junit.jupiter.api.Test;

/** What the {@code sampler-filtered} line makes of a measurement: its targets, and no line when the figures differ. */
class FilteredSampleLineTest {

  private static final FilteredSample.Figures FIGURES = new FilteredSample.Figures(
      new FullSample.TcpStates(700, 300, 0, 0, 0, 0, 0, 0), new FullSample.PortsInUse(1000, 1001, 3.5));

  @Test
  void holdsTheFilteredMedianAgainst20MsAndAgainstAThirdOfTheWholeTable() {
    List<BenchmarkLine> lines = FilteredSampleLine.lines(result(List.of(17.0, 18.0, 25.0), List.of(220.0, 230.0, 240.0), FIGURES));

    assertThat(lines).extracting(BenchmarkLine::target).containsExactly("ratio <= 0.30", "<= 20 ms", "none");
    assertThat(lines.get(0).ratio()).isEqualTo(18.0 / 230.0);
    assertThat(lines).allMatch(BenchmarkLine::met);
    assertThat(lines.get(0).note()).contains("established 700, TIME_WAIT 300", "1,701 sockets", "of 100,005");
  }

  @Test
  void aMedianOver20MsIsMissed() {
    List<BenchmarkLine> lines = FilteredSampleLine.lines(result(List.of(19.0, 21.0, 23.0), List.of(220.0, 230.0, 240.0), FIGURES));

    assertThat(lines.get(1).met()).isFalse();
    assertThat(lines.get(0).met()).isTrue();
  }

  @Test
  void figuresThatDifferFromSsFailTheLine() {
    FilteredSample.Figures oneLess = new FilteredSample.Figures(
        new FullSample.TcpStates(699, 300, 0, 0, 0, 0, 0, 0), new FullSample.PortsInUse(999, 1000, 3.5));
    FilteredSample.Result result = new FilteredSample.Result(100_005, 1_701, 1_000, List.of(17.0), List.of(16.0), List.of(230.0),
        List.of(43.0), FIGURES, FIGURES, oneLess);

    assertThatThrownBy(() -> FilteredSampleLine.lines(result)).hasMessageContaining("differ").hasMessageContaining("699");
  }

  private static FilteredSample.Result result(List<Double> filtered, List<Double> whole, FilteredSample.Figures figures) {
    return new FilteredSample.Result(100_005, 1_701, 1_000, filtered, filtered, whole, List.of(43.0, 44.0, 45.0), figures, figures,
        figures);
  }
}
