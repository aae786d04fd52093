package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.portexhaustion.process.TimedProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * scripts/fleet-run: its checks of bad input, the namespaces it makes (one client's view of them), and its teardown: after
 * Ctrl+C or a client that outlives the round limit, no namespace, bridge or process of the fleet is left (TERM takes the same trap as Ctrl+C).
 * Every client command here is a shell, not a load: the script appends its -D options to it, which the shell receives as
 * arguments.
 */
class FleetRunScriptIT {

  private static final Duration LIMIT = Duration.ofSeconds(120);

  @BeforeAll
  static void rootOnly() throws Exception {
    Process id = new ProcessBuilder("id", "-u").start();
    assumeTrue(id.waitFor(10, TimeUnit.SECONDS) && new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim()
        .equals("0"), "scripts/fleet-run needs root");
  }

  private static TimedProcess.Result launch(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("scripts/fleet-run"));
    command.addAll(List.of(args));
    return TimedProcess.run(new ProcessBuilder(command).redirectErrorStream(true), LIMIT);
  }

  @Test
  void badInputIsRefusedBeforeAnyNamespaceExists() throws Exception {
    TimedProcess.Result none = launch("--clients", "0", "--", "echo", "COMMAND-RAN");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.output()).contains("--clients '0' must be a whole number of client namespaces from 1 to 50")
        .doesNotContain("COMMAND-RAN", "tearing down");
    TimedProcess.Result range = launch("--clients", "2", "--range", "80-90");
    assertThat(range.exitCode()).isEqualTo(2);
    assertThat(range.output()).contains("--range 80-90 is out of bounds");
    TimedProcess.Result join = launch("--clients", "50", "--join-interval", "20");
    assertThat(join.exitCode()).isEqualTo(2);
    assertThat(join.output()).contains("--join-interval '20' must be a whole number of seconds", "at most 600 s");
    TimedProcess.Result slots = launch("--clients", "2", "--server-connections", "-1");
    assertThat(slots.exitCode()).isEqualTo(2);
    assertThat(slots.output()).contains("--server-connections '-1' must be a whole number of connections");
  }

  /** Each client sees its own range, no reuse, its own bridge address, and reaches the round's server over the bridge. */
  @Test
  void eachClientHasItsNamespaceAndReachesTheServerOverTheBridge() throws Exception {
    TimedProcess.Result run = launch("--clients", "2", "--range", "41000-41099", "--no-prepare", "--simulations", "PooledSimulation",
        "--", "bash", "-c",
        "echo range=$(tr '\\t' - < /proc/sys/net/ipv4/ip_local_port_range) reuse=$(cat /proc/sys/net/ipv4/tcp_tw_reuse)"
            + " address=$(ip -o -4 addr show eth0 | awk '{print $4}') contained=$PORT_EXHAUSTION_LAB_CONTAINED;"
            + " for a in \"$@\"; do echo \"arg $a\"; done;"
            + " hostport=$(printf '%s\\n' \"$@\" | sed -n 's|^-Duri=mongodb://\\([^/]*\\)/.*|\\1|p');"
            + " exec 5<>/dev/tcp/${hostport%:*}/${hostport#*:} && echo connected=$hostport",
        "client");
    String output = run.output();
    List<Path> logs;
    try (var files = Files.walk(fleetFolder(output))) {
      logs = files.filter(p -> p.getFileName().toString().equals("PooledSimulation.log")).sorted().toList();
    }
    assertThat(logs).hasSize(2);
    String client1 = Files.readString(logs.get(0));
    String client2 = Files.readString(logs.get(1));
    assertThat(client1).contains("range=41000-41099 reuse=0 address=10.213.0.11/24 contained=1", "arg -Dtarget=uri",
        "arg -Dgatling.simulationClass=PooledSimulation", "arg -Dfleet.client=1", "arg -Dfleet.clients=2",
        "connected=10.213.0.1:27018")
        .containsPattern("arg -Dgatling.resultsFolder=.*/results/fleet-[0-9-]+/client-1\n");
    assertThat(client2).contains("address=10.213.0.12/24", "arg -Dfleet.client=2", "connected=10.213.0.1:27018");
    // Nothing to merge from a shell: the script says so and fails, after tearing everything down.
    assertThat(output).contains("PooledSimulation: no finished client run to merge", "tearing down 3 namespaces");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(fleetNamespaces(pidOf(output))).isEmpty();
  }

  @Test
  void ctrlCMidRunLeavesNoNamespaceBridgeOrProcess() throws Exception {
    interruptedMidRun("INT", 130);
  }

  @Test
  void aClientPastTheRoundLimitIsEndedAndTheFleetTornDown() throws Exception {
    long began = System.nanoTime();
    TimedProcess.Result run = launch("--clients", "2", "--range", "41000-41099", "--no-prepare", "--simulations", "PooledSimulation",
        "--round-limit", "10",
        "--", "bash", "-c", "sleep 300", "client");
    Duration took = Duration.ofNanos(System.nanoTime() - began);

    assertThat(run.output()).contains("client 1 exited 124", "client 2 exited 124", "tearing down 3 namespaces");
    assertThat(took).isLessThan(Duration.ofSeconds(60));
    assertThat(Files.list(fleetFolder(run.output())).map(p -> p.getFileName().toString())).doesNotContain("server.stdin");
    assertThat(fleetNamespaces(pidOf(run.output()))).isEmpty();
  }

  /** Starts a fleet whose clients sleep, waits until its namespaces, clients and server exist, signals the script. */
  private static void interruptedMidRun(String signal, int expectedExit) throws Exception {
    Path output = Files.createTempFile("fleet-run", ".log");
    Process script = new ProcessBuilder("scripts/fleet-run", "--clients", "2", "--range", "41000-41099", "--no-prepare",
        "--simulations", "PooledSimulation", "--", "bash", "-c", "sleep 300", "client")
        .redirectErrorStream(true).redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    String tag = "pel" + script.pid();
    List<Long> inside = new ArrayList<>();
    try {
      long deadline = System.nanoTime() + LIMIT.toNanos();
      while (!Files.readString(output).contains("2 clients running") && System.nanoTime() < deadline && script.isAlive()) {
        Thread.sleep(200);
      }
      assertThat(Files.readString(output)).as("the fleet never started").contains("2 clients running");
      assertThat(fleetNamespaces(script.pid())).containsExactlyInAnyOrder(tag + "-server", tag + "-client-1", tag + "-client-2");
      assertThat(links(tag + "-server")).contains("br-" + tag);
      for (String ns : fleetNamespaces(script.pid())) {
        inside.addAll(pidsIn(ns));
      }
      // The server, and per client at least timeout and the sleep.
      assertThat(inside).hasSizeGreaterThanOrEqualTo(5);

      new ProcessBuilder("kill", "-" + signal, Long.toString(script.pid())).start().waitFor(10, TimeUnit.SECONDS);

      assertThat(script.waitFor(40, TimeUnit.SECONDS)).as("the script ended after SIG" + signal).isTrue();
      assertThat(script.exitValue()).isEqualTo(expectedExit);
      assertThat(Files.readString(output)).contains("tearing down 3 namespaces");
      assertThat(fleetNamespaces(script.pid())).isEmpty();
      assertThat(run("ip", "-o", "link").output()).doesNotContain(tag);
      assertThat(inside.stream().filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).toList())
          .as("processes of the fleet still alive").isEmpty();
    } finally {
      script.destroyForcibly();
      Files.deleteIfExists(output);
    }
  }

  private static Path fleetFolder(String output) {
    return Path.of(output.replaceAll("(?s).*results in (/\\S+/results/fleet-[0-9-]+).*", "$1"));
  }

  private static long pidOf(String output) {
    return Long.parseLong(output.replaceAll("(?s).*namespace pel([0-9]+)-server.*", "$1"));
  }

  private static List<String> fleetNamespaces(long scriptPid) throws Exception {
    return run("ip", "netns", "list").output().lines().map(line -> line.split(" ")[0])
        .filter(name -> name.startsWith("pel" + scriptPid + "-")).toList();
  }

  private static String links(String namespace) throws Exception {
    return run("ip", "-n", namespace, "-o", "link").output();
  }

  private static List<Long> pidsIn(String namespace) throws Exception {
    return run("ip", "netns", "pids", namespace).output().lines().filter(l -> !l.isBlank()).map(String::trim).map(Long::parseLong)
        .toList();
  }

  private static TimedProcess.Result run(String... command) throws Exception {
    return TimedProcess.run(new ProcessBuilder(Arrays.asList(command)).redirectErrorStream(true), Duration.ofSeconds(20));
  }
}
