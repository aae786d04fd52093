package lab.portexhaustion.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's arithmetic and its table: what the figures of docs/performance.md rest on. */
class BenchmarkFiguresTest {

  @Test
  void spreadGivesMinMedianAndMaxOfOddAndEvenCounts() {
    assertThat(Spread.of(List.of(3.0, 1.0, 2.0))).isEqualTo(new Spread(3, 1.0, 2.0, 3.0));
    assertThat(Spread.of(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(new Spread(4, 1.0, 2.5, 4.0));
    assertThatThrownBy(() -> Spread.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void steadyRateLeavesOutStartUpWarmUpAndTheCutLastSecond() {
    // 2 s before the first completion, then 2 s of warm-up, 3 steady seconds, the last one cut short.
    List<Long> perSecond = List.of(0L, 0L, 100L, 500L, 900L, 1000L, 1100L, 300L, 0L);

    assertThat(SteadyRate.window(perSecond, 2)).isEqualTo(new SteadyRate.Window(4, 7, 1000.0));
  }

  @Test
  void steadyRateRefusesARunTooShortForItsWarmUp() {
    assertThatThrownBy(() -> SteadyRate.window(List.of(0L, 10L, 20L, 5L), 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no steady seconds");
  }

  @Test
  void aSideWhoseRequestsFailedFromItsSteadySecondsOnIsRefusedAndWarmUpFailuresAreNot() {
    SteadyRate.Window steady = SteadyRate.window(List.of(0L, 100L, 500L, 900L, 1000L, 1100L, 300L), 2);
    // the seconds 3 to 5 are steady; failures in the warm-up (second 1) do not count
    List<Long> failedInWarmUp = List.of(0L, 7L, 0L, 0L, 0L, 0L, 0L);
    List<Long> failedInside = List.of(0L, 0L, 0L, 0L, 2L, 0L, 0L);
    // a server that stopped answering: no completion after second 6, failures in 7 and 8
    List<Long> failedAfter = List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 40L, 50L);

    assertThat(steady.sumFromStart(failedInWarmUp)).isZero();
    ThroughputLine.refuseFailures("bare loop", steady, failedInWarmUp);
    assertThatThrownBy(() -> ThroughputLine.refuseFailures("bare loop", steady, failedInside))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bare loop: 2 requests failed from second 3 on (its steady seconds 3 to 5: 1,000 completed per second)");
    assertThatThrownBy(() -> ThroughputLine.refuseFailures("the harness", steady, failedAfter))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("the harness: 90 requests failed");
  }

  @Test
  void linesCompareMediansAndSayWhetherTheTargetIsMet() {
    Spread bare = Spread.of(List.of(100.0, 110.0, 120.0));

    BenchmarkLine fast = BenchmarkLine.higherIsBetter("churn", "requests/s", Spread.of(List.of(99.0, 100.0, 101.0)), bare, 0.9, "");
    BenchmarkLine slow = BenchmarkLine.higherIsBetter("pooled", "requests/s", Spread.of(List.of(80.0, 85.0, 90.0)), bare, 0.9, "");
    BenchmarkLine sampler = BenchmarkLine.lowerIsBetter("sample", "ms", Spread.of(List.of(30.0)), Spread.of(List.of(20.0)), 1.5, "");
    BenchmarkLine cpu = BenchmarkLine.againstBound("cpu", "% of one core", Spread.of(List.of(2.5)), 2.0, "");

    assertThat(fast.ratio()).isCloseTo(100.0 / 110.0, within(1e-9));
    assertThat(fast.met()).isTrue();
    assertThat(slow.met()).isFalse();
    assertThat(sampler.ratio()).isEqualTo(1.5);
    assertThat(sampler.met()).isTrue();
    assertThat(cpu.met()).isFalse();
    assertThat(cpu.target()).isEqualTo("<= 2 % of one core");
  }

  @Test
  void gatlingsFloorIsGivenAsItsShareOfTheBareLoopAndTheHarnessAsItsShareOfTheFloor() {
    String note = ThroughputLine.floorNote(Spread.of(List.of(12000.0, 13000.0, 15000.0)), Spread.of(List.of(19000.0, 20000.0, 21000.0)),
        Spread.of(List.of(17000.0, 18000.0, 18500.0)));

    assertThat(note).contains("17,000 / 18,000 / 18,500 requests/s, 0.90 of the bare loop; the harness 0.72 of the floor");
  }

  @Test
  void theTableShowsEveryLineWithItsRepetitionsSpreadRatioAndVerdict() {
    BenchmarkLine line = BenchmarkLine.higherIsBetter("pooled operations", "requests/s", Spread.of(List.of(8000.0, 9000.0, 9500.0)),
        Spread.of(List.of(12000.0, 13000.0, 14000.0)), 0.9, "concurrency 8");

    String table = BenchmarkTable.render("benchmarks", "2 cores", List.of(line));

    assertThat(table).contains("| pooled operations | requests/s | 3 | 8,000 / 9,000 / 9,500 | 12,000 / 13,000 / 14,000 | 0.69 |"
        + " ratio >= 0.90 | **no** |", "- pooled operations: concurrency 8");
  }

  @Test
  void aLineWithoutTargetShowsItsRatioButNoVerdict() {
    BenchmarkLine line = BenchmarkLine.forInformation("client per request", "requests/s", Spread.of(List.of(400.0)),
        Spread.of(List.of(500.0)), "no target");

    assertThat(line.outcome()).isEqualTo(BenchmarkLine.Outcome.NO_TARGET);
    assertThat(BenchmarkTable.render("benchmarks", "2 cores", List.of(line)))
        .contains("| client per request | requests/s | 1 | 400 / 400 / 400 | 500 / 500 / 500 | 0.80 | none | - |");
  }

  @Test
  void theCostTableShowsEachSidesMediansAndSaysWhereThreadsEnded() {
    Map<String, Double> none = Map.of();
    SideCounters.Cost cheap = new SideCounters.Cost(new RequestCost(1.5, 0.25, 80, none, 0), new RequestCost(2.0, 0.5, 40, none, 0));
    SideCounters.Cost dear = new SideCounters.Cost(new RequestCost(4.75, 1.0, 210, none, 2), new RequestCost(2.5, 0.75, 45, none, 0));
    SideCounters.Cost middle = new SideCounters.Cost(new RequestCost(4.5, 0.5, 200, none, 0), new RequestCost(2.25, 0.5, 50, none, 0));

    String table = RequestCostTable.render(List.of(
        new RequestCostTable.Row("pooled operations (pooled)", "harness", List.of(6000.0, 7000.0, 6500.0), List.of(dear, middle, dear)),
        new RequestCostTable.Row("pooled operations (pooled)", "bare", List.of(11000.0), List.of(cheap))));

    assertThat(table).contains("| pooled operations (pooled) | harness | 6,500 | 4.75 | 1.00 | 210.0 | 2.50 | 0.75 | 45.0 |",
        "| pooled operations (pooled) | bare | 11,000 | 1.50 | 0.25 | 80.0 | 2.00 | 0.50 | 40.0 |",
        "- pooled operations (pooled), harness: 4 threads ended inside a measured window");
    assertThat(table).doesNotContain("bare: 0 threads");
  }

  @Test
  void theCostTableSaysWhichKindsOfThreadMadeTheSwitchesMostFirstAndLeavesOutTheFew() {
    SideCounters.Cost first = new SideCounters.Cost(new RequestCost(3.0, 0, 0,
        Map.of("harness-worker", 1.0, "gatling", 1.9, "Timer", 0.01), 0), cheapServer());
    // the stats writer's threads did not switch in this repetition: 0 in its median
    SideCounters.Cost second = new SideCounters.Cost(new RequestCost(3.0, 0, 0,
        Map.of("harness-worker", 1.2, "gatling", 1.7, "pool-#-thread", 0.9), 0), cheapServer());
    SideCounters.Cost third = new SideCounters.Cost(new RequestCost(3.0, 0, 0,
        Map.of("harness-worker", 1.1, "gatling", 2.1, "pool-#-thread", 0.7), 0), cheapServer());

    String table = RequestCostTable.render(List.of(
        new RequestCostTable.Row("pooled operations (pooled)", "harness", List.of(1.0, 2.0, 3.0), List.of(first, second, third))));

    assertThat(table).contains("- pooled operations (pooled), harness: gatling 1.90, harness-worker 1.10, pool-#-thread 0.70\n");
    assertThat(table).doesNotContain("Timer");
  }

  private static RequestCost cheapServer() {
    return new RequestCost(1.0, 0, 0, Map.of(), 0);
  }

  @Test
  void optionsChooseLinesAndKeepDefaultsForTheRest() {
    BenchmarkSuite.Options options = BenchmarkSuite.Options.parse(new String[] {"--lines", "pooled, churn", "--seconds", "20"});

    assertThat(options.lines()).containsExactly(BenchmarkSuite.Line.POOLED, BenchmarkSuite.Line.CHURN);
    assertThat(options.seconds()).isEqualTo(20);
    assertThat(options.repetitions()).isEqualTo(3);
    assertThat(BenchmarkSuite.Options.parse(new String[0]).lines()).containsExactly(BenchmarkSuite.Line.values());
  }
}
