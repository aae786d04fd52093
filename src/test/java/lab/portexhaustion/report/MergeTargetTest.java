package lab.portexhaustion.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import lab.portexhaustion.process.ProcessExit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/compare --merge} on run folders made from the recorded client-per-request run (three seconds of
 * requests.csv and ports.csv), each given its target and start and a requests.hlog of its own: runs against one
 * target merge; runs against different targets are refused, with each target and its runs named and no password
 * shown, before anything is written.
 */
class MergeTargetTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant START = Instant.parse("2026-12-01T20:44:51.133Z");
  private static final String EMBEDDED = "mongodb://127.0.0.1:36750/?directConnection=true";
  /** As a hand-edited conditions.json could hold it: the harness itself records the password masked. */
  private static final String WITH_PASSWORD = "mongodb://alice:Tr0ub4dor@db.example:27017/?authSource=admin";

  @TempDir
  Path results;

  @Test
  void runsAgainstOneTargetMergeAsBefore() throws Exception {
    Path first = run("client-0/clientperrequestsimulation-1", "uri", "10.213.0.1:27018", "mongodb://10.213.0.1:27018/?directConnection=true", 0);
    Path second = run("client-1/clientperrequestsimulation-2", "uri", "10.213.0.1:27018",
        "mongodb://bob:****@10.213.0.1:27018/?directConnection=true", 1); // the same server, reached as another user
    Path out = results.resolve("merged");

    ProcessExit.Code ending = merge(out, first, second);

    assertThat(ending).isEqualTo(ProcessExit.Code.DONE);
    JsonNode json = JSON.readTree(out.resolve("merged.json").toFile());
    assertThat(json.at("/total/clients").asInt()).isEqualTo(2);
    assertThat(json.at("/total/started").asLong()).as("the recorded run's 676, twice").isEqualTo(1_352);
    // requests.csv's 4, 10 and 15 started a second, the second run one second later: 4, 14, 25, 15.
    assertThat(json.get("perSecond")).extracting(s -> s.get("started").asLong()).containsExactly(4L, 14L, 25L, 15L);
    assertThat(json.get("perSecond")).extracting(s -> s.get("clientsRunning").asInt()).containsExactly(1, 2, 2, 1);
    assertThat(json.at("/total/ok").asLong()).isEqualTo(664);
    assertThat(out.resolve("merged.md")).content().contains("| **all 2** |");
  }

  /** localhost, 127.0.0.1 and ::1 are this machine's loopback: at one port, one server. */
  @Test
  void runsAgainstOnePortOfTheLoopbackUnderItsNamesMerge() throws Exception {
    Path byName = run("client-0/clientperrequestsimulation-1", "uri", "localhost:27017", "mongodb://localhost:27017/", 0);
    Path byAddress = run("client-1/clientperrequestsimulation-2", "uri", "127.0.0.1:27017", "mongodb://127.0.0.1:27017/", 1);
    Path byIpv6 = run("client-2/clientperrequestsimulation-3", "uri", "0:0:0:0:0:0:0:1:27017", "mongodb://[::1]:27017/", 2);
    Path out = results.resolve("merged");

    assertThat(merge(out, byName, byAddress, byIpv6)).isEqualTo(ProcessExit.Code.DONE);
    assertThat(JSON.readTree(out.resolve("merged.json").toFile()).at("/total/clients").asInt()).isEqualTo(3);
  }

  /** A host name is one target in any case, as DNS takes it: a fleet's clients may have written it differently. */
  @Test
  void runsAgainstOneHostNameWrittenInAnotherCaseMerge() throws Exception {
    Path lower = run("client-0/clientperrequestsimulation-1", "uri", "db.example:27017", "mongodb://db.example:27017/", 0);
    Path upper = run("client-1/clientperrequestsimulation-2", "uri", "DB.Example:27017", "mongodb://DB.Example:27017/", 1);
    Path out = results.resolve("merged");

    assertThat(merge(out, lower, upper)).isEqualTo(ProcessExit.Code.DONE);
    assertThat(JSON.readTree(out.resolve("merged.json").toFile()).at("/total/clients").asInt()).isEqualTo(2);
  }

  /**
   * A connection string of several hosts names one deployment whatever their order, the case of their names, the
   * default port written or left out, and the order of its options; conditions.json records the first host alone as
   * the address, so the runs were refused as gone to two targets.
   */
  @Test
  void runsAgainstOneListOfHostsInAnotherOrderMerge() throws Exception {
    Path first = run("client-0/clientperrequestsimulation-1", "uri", "db1.example:27017",
        "mongodb://db1.example,db2.example:27018/?replicaSet=rs0&w=majority", 0);
    Path reordered = run("client-1/clientperrequestsimulation-2", "uri", "DB2.example:27018",
        "mongodb://bob:****@DB2.example:27018,db1.EXAMPLE:27017/?w=majority&replicaSet=rs0", 1);
    Path out = results.resolve("merged");

    assertThat(merge(out, first, reordered)).isEqualTo(ProcessExit.Code.DONE);
    assertThat(JSON.readTree(out.resolve("merged.json").toFile()).at("/total/clients").asInt()).isEqualTo(2);
  }

  /** Lists of hosts that differ by a host, or a port, are other deployments: refused, no password shown. */
  @Test
  void listsOfOtherHostsAreOtherTargets() throws Exception {
    Path first = run("client-0/clientperrequestsimulation-1", "uri", "db1.example:27017",
        "mongodb://alice:Tr0ub4dor@db1.example:27017,db2.example:27018/", 0);
    Path otherPort = run("client-1/clientperrequestsimulation-2", "uri", "db2.example:27019",
        "mongodb://db2.example:27019,db1.example:27017/", 1);
    Path moreHosts = run("client-2/clientperrequestsimulation-3", "uri", "db1.example:27017",
        "mongodb://db1.example:27017,db2.example:27018,db3.example:27017/", 2);

    assertThatThrownBy(() -> merge(results.resolve("merged"), first, otherPort, moreHosts))
        .isInstanceOf(CompareCommand.UsageException.class).hasMessageContaining("went to 3 targets")
        .hasMessageContaining("uri target db1.example:27017 (mongodb://alice:****@db1.example:27017,db2.example:27018/)")
        .hasMessageNotContaining("Tr0ub4dor");
  }

  /** Another port of the loopback, or another address of 127.0.0.0/8 (a server may listen on 127.0.0.1 alone), is another target. */
  @Test
  void anotherPortOrAnotherLoopbackAddressIsAnotherTarget() throws Exception {
    Path byName = run("client-0/clientperrequestsimulation-1", "uri", "LOCALHOST:27017", "mongodb://LOCALHOST:27017/", 0);
    Path otherPort = run("client-1/clientperrequestsimulation-2", "uri", "127.0.0.1:27018", "mongodb://127.0.0.1:27018/", 1);
    Path otherAddress = run("client-2/clientperrequestsimulation-3", "uri", "127.0.0.2:27017", "mongodb://127.0.0.2:27017/", 2);

    assertThatThrownBy(() -> merge(results.resolve("merged"), byName, otherPort, otherAddress))
        .isInstanceOf(CompareCommand.UsageException.class).hasMessageContaining("went to 3 targets");
  }

  @Test
  void runsAgainstDifferentTargetsAreRefusedNamingEachRunAndItsTargetBeforeAnythingIsWritten() throws Exception {
    Path first = run("client-0/clientperrequestsimulation-1", "embedded", "127.0.0.1:36750", EMBEDDED, 0);
    Path other = run("client-1/clientperrequestsimulation-2", "uri", "db.example:27017", WITH_PASSWORD, 1);
    Path third = run("client-2/clientperrequestsimulation-3", "embedded", "127.0.0.1:36750", EMBEDDED, 2);
    Path out = results.resolve("merged");
    Files.createDirectories(out);
    Files.writeString(out.resolve("merged.md"), "an earlier merge");

    assertThatThrownBy(() -> merge(out, first, other, third)).isInstanceOfSatisfying(CompareCommand.UsageException.class, failure -> {
      assertThat(failure.code()).isEqualTo(ProcessExit.Code.COMPARE_USAGE);
      assertThat(failure.code().status()).isEqualTo(2);
      assertThat(failure.getMessage()).isEqualTo("compare: --merge merges the runs of one target, summing their requests, ports"
          + " and connections as the load that one server met, and these went to 2 targets: embedded target 127.0.0.1:36750 ("
          + EMBEDDED + "): '" + first + "', '" + third + "'; uri target db.example:27017"
          + " (mongodb://alice:****@db.example:27017/?authSource=admin): '" + other + "'. Merge each target's runs on their own"
          + " (--out a folder for each); nothing was written.\n\n" + CompareCommand.USAGE);
      assertThat(failure.getMessage()).doesNotContain("Tr0ub4dor");
    });

    try (Stream<Path> left = Files.list(results)) {
      assertThat(left).as("no merged.partial or merged.old beside it").containsExactlyInAnyOrder(results.resolve("client-0"),
          results.resolve("client-1"), results.resolve("client-2"), out);
    }
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files).containsExactly(out.resolve("merged.md"));
    }
    assertThat(out.resolve("merged.md")).hasContent("an earlier merge");
  }

  @Test
  void aMergeIntoAFolderNotMadeYetLeavesItNotMade() throws Exception {
    Path first = run("a/clientperrequestsimulation-1", "embedded", "127.0.0.1:36750", EMBEDDED, 0);
    Path second = run("b/clientperrequestsimulation-1", "embedded", "127.0.0.1:41822", "mongodb://127.0.0.1:41822/?directConnection=true", 0);
    Path out = results.resolve("merged");

    assertThatThrownBy(() -> merge(out, first, second)).isInstanceOf(CompareCommand.UsageException.class)
        .hasMessageContaining("2 targets: embedded target 127.0.0.1:36750").hasMessageContaining("embedded target 127.0.0.1:41822");
    assertThat(out).doesNotExist();
    assertThat(results.resolve("merged.partial")).doesNotExist();
  }

  private ProcessExit.Code merge(Path out, Path... runs) throws Exception {
    String[] args = Stream.concat(Stream.of("--merge", "--out", out.toString()), Stream.of(runs).map(Path::toString)).toArray(String[]::new);
    return CompareCommand.run(CompareCommand.Options.parse(args, results), results);
  }

  /**
   * The recorded run as a run folder {@code name}, against the target {@code kind} at {@code address} (in conditions.json
   * and summary.json, as the harness writes both), started {@code laterSeconds} after {@link #START} (its onset as much
   * later), with a requests.hlog
   * of one interval for each of its three seconds.
   */
  private Path run(String name, String kind, String address, String connection, int laterSeconds) throws Exception {
    Path folder = results.resolve(name);
    Files.createDirectories(folder.getParent());
    PathUtils.copyDirectory(Path.of(getClass().getResource("/fixtures/run/clientperrequestsimulation").toURI()), folder);
    Path harness = folder.resolve("harness");
    Instant started = START.plusSeconds(laterSeconds);
    for (String file : List.of("conditions.json", "summary.json")) {
      ObjectNode record = (ObjectNode) JSON.readTree(harness.resolve(file).toFile());
      ((ObjectNode) record.get("target")).put("kind", kind).put("address", address).put("connection", connection);
      if (file.equals("summary.json")) {
        record.put("startedAt", started.toString());
        ObjectNode onset = (ObjectNode) record.get("onset");
        onset.put("at", Instant.parse(onset.get("at").asText()).plusSeconds(laterSeconds).toString());
      }
      JSON.writeValue(harness.resolve(file).toFile(), record);
    }
    try (PrintStream out = new PrintStream(Files.newOutputStream(harness.resolve("requests.hlog")), false, StandardCharsets.UTF_8)) {
      HistogramLogWriter log = new HistogramLogWriter(out);
      log.outputLogFormatVersion();
      log.outputStartTime(started.toEpochMilli());
      log.outputBaseTime(started.toEpochMilli());
      log.outputLegend();
      for (int second = 0; second < 3; second++) {
        Histogram interval = new Histogram(3);
        interval.recordValueWithCount(20_000, 5);
        log.outputIntervalHistogram(second, second + 1, interval, 1_000.0);
      }
    }
    return folder;
  }
}
