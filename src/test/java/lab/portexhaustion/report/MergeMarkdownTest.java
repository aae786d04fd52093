package lab.portexhaustion.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** merged.md's onset cell gives the requests started before it with the word that fits the count. */
class MergeMarkdownTest {

  private static final MergedRuns.Latency LATENCY = new MergedRuns.Latency(1, 2, 3, 4);
  private static final MergedRuns.Peaks PEAKS = new MergedRuns.Peaks(10, 5, 200);

  private static MergedRuns withOnsetAfter(long requestsStarted) {
    MergedRuns.Onset onset = new MergedRuns.Onset("client-1", "2026-11-30T00:00:01Z", 1.0, 1.0, requestsStarted, "client",
        "EADDRNOTAVAIL", "Cannot assign requested address");
    MergedRuns.Requests requests = new MergedRuns.Requests(requestsStarted, 0, requestsStarted);
    MergedRuns.Client client = new MergedRuns.Client(new MergedRuns.Run("client-1", "RawSocketSimulation", "raw-socket",
        "2026-11-30T00:00:00Z", 0, 2.0), requests, LATENCY, 1000, PEAKS, Optional.of(1024L), Optional.of(onset), "VERDICT PASS");
    MergedRuns.Total total = new MergedRuns.Total(1, requests, 100.0, requestsStarted, LATENCY, PEAKS, 1, Optional.of(onset));
    return new MergedRuns(0, "2026-11-30T00:00:00Z", List.of(client), total, List.of(), Optional.empty());
  }

  /** A client whose very first request met exhaustion read "after 1 requests". */
  @Test
  void anOnsetAfterOneRequestSaysOneRequest() {
    assertThat(MergeMarkdown.render(withOnsetAfter(1))).contains("(1.0 s into its run, after 1 request):")
        .doesNotContain("after 1 requests");
    assertThat(MergeMarkdown.render(withOnsetAfter(1200))).contains("(1.0 s into its run, after 1,200 requests):");
  }
}
