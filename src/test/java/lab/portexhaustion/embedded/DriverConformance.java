package lab.portexhaustion.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lab.portexhaustion.config.EmbeddedMonitoring;
import lab.portexhaustion.config.ServerLimits;
import lab.portexhaustion.mongod.MongodVersion;
import lab.portexhaustion.process.TimedProcess;
import lab.portexhaustion.target.EmbeddedServerProcess;

/**
 * Runs a driver's conformance script (src/test/node/conformance.mjs, src/test/python/conformance.py) against the
 * embedded server as a user gets it: its own process, started as a simulation starts it, streaming. The script gets the
 * server's URI, the URI of a second server capped at {@link #CAP} connections, and the cap; it prints one line
 * {@code CONFORMANCE key=value ...}, which is echoed here and held to what a real mongod gives the same driver.
 */
final class DriverConformance {

  static final int CAP = 2;
  private static final String SUMMARY = "CONFORMANCE ";
  private static final Duration SCRIPT_LIMIT = Duration.ofSeconds(90);

  private DriverConformance() {}

  /** Runs {@code command} (the script and its interpreter) with the two servers' URIs; returns its summary. */
  static Map<String, String> run(Path folder, List<String> command) throws IOException, InterruptedException {
    return run(folder, command, Map.of());
  }

  /** As {@link #run(Path, List)}, with {@code environment} added to the script's. */
  static Map<String, String> run(Path folder, List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    EmbeddedServerProcess server = EmbeddedServerProcess.start("conformance", ServerLimits.NONE, EmbeddedMonitoring.STREAMING, port -> true);
    try {
      EmbeddedServerProcess capped = EmbeddedServerProcess.start("conformance at the cap", new ServerLimits(CAP, Duration.ZERO),
          EmbeddedMonitoring.STREAMING, port -> true);
      try {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of(server.connectionString().getConnectionString(), capped.connectionString().getConnectionString(),
            Integer.toString(CAP)));
        String output = runScript(folder, full, environment);
        System.out.println(output.strip());
        assertThat(capped.serverStatus().orElseThrow().refusedConnections())
            .as("connections the capped server refused (the script's probe and its driver's)").isGreaterThanOrEqualTo(2);
        return summary(output);
      } finally {
        capped.close();
      }
    } finally {
      server.close();
    }
  }

  private static String runScript(Path folder, List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder script = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
    script.environment().putAll(environment);
    try {
      return TimedProcess.run(script, SCRIPT_LIMIT).output();
    } catch (TimedProcess.TimeoutException e) {
      throw new AssertionError("the conformance script did not end within " + SCRIPT_LIMIT.toSeconds() + " s; it printed: "
          + e.outputSoFar());
    }
  }

  /** The script's summary line as keys and values; fails with what the script printed when it has none. */
  static Map<String, String> summary(String output) {
    String line = output.lines().filter(l -> l.startsWith(SUMMARY)).findFirst().orElse(null);
    assertThat(line).as("the script's summary line; it printed:%n%s", output).isNotNull();
    Map<String, String> values = new HashMap<>();
    for (String pair : line.substring(SUMMARY.length()).trim().split(" ")) {
      String[] kv = pair.split("=", 2);
      values.put(kv[0], kv.length > 1 ? kv[1] : "");
    }
    return values;
  }

  /** What every driver must see from the embedded server, as from a mongod of the claimed release. */
  static void assertConforms(Map<String, String> summary) {
    assertThat(summary.get("server")).as("buildInfo.version").isEqualTo(MongodVersion.VERSION);
    assertThat(summary.get("wire")).as("maxWireVersion").isEqualTo(Integer.toString(MongodVersion.MAX_WIRE_VERSION));
    // One awaited reply per 500 ms heartbeat, pushed by the server: some 6 in the script's 3 s.
    assertThat(Integer.parseInt(summary.get("awaitedHeartbeats"))).as("awaited heartbeats in %s ms", summary.get("windowMs"))
        .isBetween(3, 8);
    assertThat(summary.get("socketsPerLifeCycle")).as("connections of one client life cycle (monitor, round-trip time, pool)")
        .isEqualTo("3");
    assertThat(summary.get("crud")).isEqualTo("ok");
    assertThat(summary.get("sessions")).isEqualTo("ok");
    String[] lsid = summary.get("lsid").split("/");
    assertThat(lsid[0]).as("commands with lsid, of %s", lsid[1]).isEqualTo(lsid[1]).isNotEqualTo("0");
    // What a standalone mongod refuses (transactions, change streams: code 20, code 40573) and how it counts an insert.
    assertThat(summary.get("transaction")).as("the error code of a transaction's first command").isEqualTo("20");
    assertThat(summary.get("transactionWrites")).as("documents the refused transaction left").isEqualTo("0");
    assertThat(summary.get("changeStream")).as("the error code of a change stream").isEqualTo("40573");
    assertThat(summary.get("insertedOrderedUnordered")).as("inserted of 3 with a duplicate second, ordered/unordered")
        .isEqualTo("1/2");
    assertThat(summary.get("removeUpsert")).as("the error code of a findAndModify that removes and upserts").isEqualTo("9");
    // A query's documents in mongod's batches: 101 first; 60 MiB read whole, in batches of at most 16 MiB.
    assertThat(summary.get("firstBatch")).as("documents in a find's first batch, of 300").isEqualTo("101");
    assertThat(summary.get("largeRead")).as("documents of 1.5 MiB read, of 40 (60 MiB)").isEqualTo("40");
    // A cursor closed early is killed by the driver (its killCursors taken), so a getMore of it finds none: code 43.
    assertThat(summary.get("killedCursorGetMore")).as("the error of a getMore of a cursor the driver closed").isEqualTo("43");
    assertThat(summary.get("cursorNotFoundWords")).as("its message: mongod's 'cursor id <id> not found'").isEqualTo("mongod");
    assertThat(summary.get("errorReplyFields")).as("the fields of its error reply: mongod's, no legacy $err")
        .isEqualTo("code,codeName,errmsg,ok");
    // What mongod's parser refuses or keeps; an update given as a pipeline is refused here (238), where mongod runs it.
    assertThat(summary.get("pipelineUpdate")).as("the error code of an update given as a pipeline").isEqualTo("238");
    assertThat(summary.get("limitNotANumber")).as("the error code of a find whose limit is a string").isEqualTo("14");
    assertThat(summary.get("listCollectionsUnknownField")).as("the error code of an unknown listCollections field")
        .isEqualTo("40415");
    assertThat(summary.get("countLimitBeyond64BitsOrFraction")).as("the error codes of a count whose limit is 1e19, a decimal 2.5")
        .isEqualTo("9/9");
    assertThat(summary.get("nullLimitFindCount")).as("a find's null limit (none), the error code of a count's").isEqualTo("done/2");
    assertThat(summary.get("countUnknownField")).as("the error code of a count with an unknown field").isEqualTo("40415");
    assertThat(summary.get("driverCount")).as("the driver's own count command, its fields taken").isEqualTo("ok");
    assertThat(summary.get("dropAllIndexesBesideAnother"))
        .as("indexes kept by a collection whose indexes the driver dropped, and by another collection of its database")
        .isEqualTo("_id_/_id_,n_1");
    // An ordered write stops at its first failed statement, an unordered one goes on past it.
    assertThat(summary.get("upsertedOrderedUnordered")).as("upserted of 3 with a duplicate second, ordered/unordered")
        .isEqualTo("1/2");
    assertThat(summary.get("deletedOrderedUnordered")).as("deleted of 3 with a bad operator second, ordered/unordered")
        .isEqualTo("1/2");
    assertThat(summary.get("listCollectionsBatches")).as("listCollections of 2 with cursor.batchSize 1: first batch + getMore")
        .isEqualTo("1+1");
    // The server closes the connection on arrival: the driver's monitor hears it at once, not after a timeout.
    assertThat(Long.parseLong(summary.get("capClosedMs"))).as("ms until the driver saw its connection closed past the cap")
        .isLessThan(1_000);
  }
}
