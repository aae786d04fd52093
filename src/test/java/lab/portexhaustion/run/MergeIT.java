package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import lab.portexhaustion.report.MergeWriter;
import lab.portexhaustion.report.MergedRuns;
import lab.portexhaustion.target.EmbeddedMongoTarget;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real runs laid out as a fleet's results, all against one server as a fleet's clients are (a merge refuses runs
 * of different targets): client-0 and client-1 at the same time, the second started once the first's load began;
 * client-2 after both. Merged: counts add up to the clients' own, and the merged latencies are the clients' interval
 * logs added together.
 */
class MergeIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  // No wait for TIME_WAIT to drain: client-2 starts while client-1's sockets toward the shared server are still in it.
  private static final String[] SHORT_RUN = {"target=uri", "cleanStart.maxDrainWait=0s", "load.startRate=20", "load.peakRate=60",
      "load.rampTime=2s", "load.holdTime=4s"};
  // client-0 runs on while client-1's JVM starts, so that both run together for a while: some 8 s on a quiet machine,
  // but 16 to 26 s at a load average of 9 to 24 on 2 cores, where a hold of 12 s ended client-0 before client-1 began.
  private static final String LONGER_HOLD = "load.holdTime=30s";

  @TempDir
  static Path fleet;

  static EmbeddedMongoTarget server;
  static List<Path> runs = new ArrayList<>();
  static MergedRuns merged;

  @BeforeAll
  static void runThreeClientsAndMergeThem() throws Exception {
    server = EmbeddedMongoTarget.start("the clients' one server");
    CompletableFuture<GatlingProcess.Result> first = CompletableFuture.supplyAsync(() -> run("PooledSimulation", 0, LONGER_HOLD));
    LoadStarted.await(fleet.resolve("client-0"), Duration.ofMinutes(2), first);
    GatlingProcess.Result second = run("RawSocketSimulation", 1);
    assertThat(first.get().exitCode()).as(first.get().output()).isZero();
    assertThat(second.exitCode()).as(second.output()).isZero();
    GatlingProcess.Result third = run("PooledSimulation", 2);
    assertThat(third.exitCode()).as(third.output()).isZero();
    // A uri target's own side is not seen: said before the load, beside the prediction.
    assertThat(third.output()).contains("PooledSimulation: the server at " + server.description().address() + " (uri) is not the"
        + " harness's own process: its descriptors are not seen here");
    for (int client = 0; client < 3; client++) {
      try (Stream<Path> folders = Files.list(fleet.resolve("client-" + client))) {
        runs.add(folders.filter(f -> Files.isRegularFile(f.resolve("harness/summary.json"))).findFirst().orElseThrow());
      }
    }
    merged = MergeWriter.write(runs, fleet.resolve("merged"));
  }

  @AfterAll
  static void stopTheServer() {
    if (server != null) {
      server.close();
    }
  }

  private static GatlingProcess.Result run(String simulation, int client, String... more) {
    try {
      return GatlingProcess.run(simulation, fleet.resolve("client-" + client), 180,
          Stream.of(Stream.of(SHORT_RUN), Stream.of("uri=mongodb://" + server.description().address() + "/?directConnection=true"),
              Stream.of(more)).flatMap(s -> s).toArray(String[]::new));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void mergedRequestCountsAreTheSumOfTheClients() throws Exception {
    long started = 0;
    long ok = 0;
    long ko = 0;
    for (Path run : runs) {
      assertThat(JSON.readTree(run.resolve("harness/conditions.json").toFile()).at("/target/address").asText())
          .isEqualTo(server.description().address());
      JsonNode summary = JSON.readTree(run.resolve("harness/summary.json").toFile());
      started += summary.at("/requests/started").asLong();
      ok += summary.at("/requests/ok").asLong();
      ko += summary.at("/requests/ko").asLong();
    }
    assertThat(ok).isPositive();
    assertThat(merged.total().requests()).isEqualTo(new MergedRuns.Requests(started, ok, ko));
    assertThat(merged.perSecond().stream().mapToLong(MergedRuns.Second::started).sum()).as("started per second").isEqualTo(started);
    assertThat(merged.perSecond().stream().mapToLong(MergedRuns.Second::ok).sum()).as("OK per second").isEqualTo(ok);
    assertThat(merged.clients()).extracting(c -> c.run().client())
        .allMatch(name -> name.matches("client-[012]/(pooled|rawsocket)simulation-\\d+"));
    JsonNode json = JSON.readTree(fleet.resolve("merged/merged.json").toFile());
    assertThat(json.at("/total/ok").asLong()).isEqualTo(ok);
    assertThat(json.at("/clients/0/latencyP99Millis").isNumber()).as("a client's parts are written flat, as fields of the client").isTrue();
    assertThat(json.at("/fleetVerdict").isNull()).as("no fleet verdict for runs that are no fleet").isTrue();
    assertThat(fleet.resolve("merged/merged.md")).content().contains("| **all 3** |");
  }

  @Test
  void runsArePlacedOnTheWallClockBySecondsFromTheirStart() {
    List<MergedRuns.Client> clients = merged.clients();
    assertThat(clients.get(0).run().startSecond()).isZero();
    assertThat(clients.get(1).run().startSecond()).as("started after client-0's load began, before it ended")
        .isBetween(1L, (long) clients.get(0).run().durationSeconds() - 2);
    assertThat(clients.get(2).run().startSecond()).as("started after both ended").isGreaterThan(clients.get(1).run().startSecond() + 5);
    assertThat(merged.perSecond()).anyMatch(s -> s.clientsRunning() == 2);
    assertThat(merged.perSecond().stream().mapToInt(MergedRuns.Second::clientsRunning).max().orElse(0)).isEqualTo(2);
    assertThat(merged.total().peaks().descriptorsOpen()).as("the peak of the sums: at least one client's peak, at most their sum")
        .isGreaterThanOrEqualTo(clients.stream().mapToLong(c -> c.peaks().descriptorsOpen()).max().orElse(0))
        .isLessThanOrEqualTo(clients.stream().mapToLong(c -> c.peaks().descriptorsOpen()).sum());
    assertThat(merged.total().peaks().portsInUseTowardTarget())
        .isGreaterThanOrEqualTo(clients.stream().mapToInt(c -> c.peaks().portsInUseTowardTarget()).max().orElse(0))
        .isLessThanOrEqualTo(clients.stream().mapToInt(c -> c.peaks().portsInUseTowardTarget()).sum());
  }

  @Test
  void mergedLatenciesAreTheClientsHistogramsAddedNotTheirPercentilesAveraged() throws Exception {
    Histogram everyClient = new Histogram(3);
    for (Path run : runs) {
      Histogram client = readAll(run.resolve("harness/requests.hlog"));
      JsonNode summary = JSON.readTree(run.resolve("harness/summary.json").toFile());
      assertThat(client.getTotalCount()).as("a run's log holds every OK request").isEqualTo(summary.at("/requests/ok").asLong());
      assertThat(millis(client, 99)).as("a run's log gives its summary's p99").isEqualTo(summary.at("/okLatencyMillis/p99").asDouble());
      everyClient.add(client);
    }
    Histogram mergedLog = readAll(fleet.resolve("merged/requests.hlog"));

    assertThat(mergedLog.getTotalCount()).isEqualTo(everyClient.getTotalCount()).isEqualTo(merged.total().requests().ok());
    for (double p : new double[] {50, 95, 99}) {
      assertThat(mergedLog.getValueAtPercentile(p)).as("p%s", p).isEqualTo(everyClient.getValueAtPercentile(p));
    }
    assertThat(merged.total().latency().p99Millis()).isEqualTo(millis(everyClient, 99));
    assertThat(merged.total().latency().maxMillis()).isEqualTo(hundredths(everyClient.getMaxValue()));
  }

  private static Histogram readAll(Path hlog) throws Exception {
    Histogram all = new Histogram(3);
    try (HistogramLogReader reader = new HistogramLogReader(hlog.toFile())) {
      while (reader.hasNext()) {
        all.add((Histogram) reader.nextIntervalHistogram());
      }
    }
    return all;
  }

  private static double millis(Histogram h, double percentile) {
    return hundredths(h.getValueAtPercentile(percentile));
  }

  /**
   * Microseconds as milliseconds to two places, rounded as the harness rounds: 37,535 µs is 37.54 ms ({@code / 1000.0 * 100}
   * would give 3753.4999… and 37.53).
   */
  private static double hundredths(long micros) {
    return Math.round(micros / 10.0) / 100.0;
  }
}
