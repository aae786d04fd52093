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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.portexhaustion.TestFolders;
import lab.portexhaustion.config.SettingsLoader;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.process.TimedProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * scripts/fleet-run: its checks of bad input and its CPU estimate (both before anything starts, so without root), the
 * namespaces it makes (one client's view of them), and its teardown: after Ctrl+C or a client that outlives the round
 * limit, no namespace, bridge or process of the fleet is left (TERM and HUP take the same trap as Ctrl+C). Every client command
 * here is a shell, not a load: the script appends its -D options to it, which the shell receives as arguments; a fleet
 * of shells is given a rate the estimate accepts on any machine (--rate 1). The results folders these fleets make are
 * removed after each test.
 */
class FleetRunScriptIT {

  /** The code of the fleet's own refusal, before anything runs: a setup mistake's, never a failed verdict's 2. */
  private static final int SETUP_MISTAKE = ProcessExit.Code.SETUP_FAILED.status();

  private static final Duration LIMIT = Duration.ofSeconds(120);
  private static final Pattern CARRIES = Pattern.compile("at most (\\d+) clients? at (\\d+)/s, or (\\d+) at (\\d+)/s");
  private static final Pattern RESULTS_IN = Pattern.compile("results in (/\\S+/results/fleet-[0-9-]+)");

  /** How a fleet cut short by each signal says why. */
  private static final Map<String, String> WHY =
      Map.of("INT", "interrupted (Ctrl-C)", "TERM", "terminated (TERM)", "HUP", "hung up (HUP)");
  /** The results folders the fleets of a test said they made. */
  private final List<Path> fleetFolders = new ArrayList<>();

  private static void assumeRoot() throws Exception {
    Process id = new ProcessBuilder("id", "-u").start();
    assumeTrue(id.waitFor(10, TimeUnit.SECONDS) && new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim()
        .equals("0"), "a fleet needs root");
  }

  /** The output of a run refused as a setup mistake (exit 3), which the assertions after read. */
  private static String refused(TimedProcess.Result result) {
    assertThat(result.exitCode()).as(result.output()).isEqualTo(SETUP_MISTAKE);
    return result.output();
  }

  private TimedProcess.Result launch(String... args) throws Exception {
    return launch(Map.of(), args);
  }

  private TimedProcess.Result launch(Map<String, String> environment, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("scripts/fleet-run"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    TimedProcess.Result result = TimedProcess.run(builder, LIMIT);
    madeBy(result.output());
    return result;
  }

  /** Notes the results folder a fleet's output names, to be removed after the test. */
  private void madeBy(String output) {
    Matcher folder = RESULTS_IN.matcher(output);
    if (folder.find()) {
      fleetFolders.add(Path.of(folder.group(1)));
    }
  }

  @AfterEach
  void removeTheFleetsFolders() throws Exception {
    for (Path folder : fleetFolders) {
      TestFolders.deleteRecursively(folder);
    }
  }

  /**
   * A fleet that ends before its first client starts (here its server: the java it finds is one that cannot run) ran
   * nothing, and leaves no folder in results/, where one holding a server log alone would pass for a fleet's results.
   */
  @Test
  void aFleetWhoseServerCannotStartSaysWhyAndLeavesNoFolder() throws Exception {
    assumeRoot();
    Path stubs = Files.createTempDirectory("fleet-run-no-java");
    try {
      Path java = Files.writeString(stubs.resolve("java"), "#!/bin/sh\necho 'this java cannot run' >&2\nexit 1\n");
      assertThat(java.toFile().setExecutable(true)).isTrue();
      // Maven finds its own JVM through JAVA_HOME; the script's server takes the java on the PATH.
      TimedProcess.Result run = launch(Map.of("PATH", stubs + ":" + System.getenv("PATH"), "JAVA_HOME", System.getProperty("java.home")),
          "--clients", "1", "--range", "41000-41099", "--rate", "1", "--no-prepare", "--simulations", "PooledSimulation",
          "--", "bash", "-c", "exit 0", "client");

      assertThat(run.exitCode()).as(run.output()).isEqualTo(SETUP_MISTAKE);
      assertThat(run.output()).contains("fleet-run: the embedded server ended before it listened: this java cannot run",
          "fleet-run: no client started; " + fleetFolder(run.output()) + " removed");
      assertThat(fleetFolder(run.output())).doesNotExist();
      assertThat(fleetNamespaces(pidOf(run.output()))).isEmpty();
    } finally {
      TestFolders.deleteRecursively(stubs);
    }
  }

  @Test
  void badInputIsRefusedBeforeAnyNamespaceExists() throws Exception {
    assertThat(refused(launch("--clients", "0", "--", "echo", "COMMAND-RAN")))
        .contains("--clients '0' must be a whole number of client namespaces from 1 to 50")
        .doesNotContain("COMMAND-RAN", "tearing down");
    // A leading zero: bash's arithmetic reads 08 as octal, and failed on it after the check had let it through.
    assertThat(refusedInOneLine(launch("--clients", "08", "--estimate")))
        .contains("--clients '08' must be a whole number of client namespaces from 1 to 50");
    assertThat(refused(launch("--clients", "2", "--range", "80-90"))).contains("--range 80-90 is out of bounds");
    assertThat(refused(launch("--clients", "50", "--join-interval", "20")))
        .contains("--join-interval '20' must be a whole number of seconds", "at most 600 s");
    assertThat(refused(launch("--clients", "2", "--server-connections", "-1")))
        .contains("--server-connections '-1' must be a whole number of connections");
    assertThat(refused(launch("--clients", "2", "--server-connections", "10000001")))
        .contains("--server-connections '10000001' must be a whole number of connections, 0 (no limit) to 10000000");
    assertThat(refused(launch("--clients", "2", "--rate", "0")))
        .contains("--rate '0' must be a whole number of requests per second per client, from 1 to 20000");
    assertThat(refused(launch("--clients", "2", "--cores", "0")))
        .contains("--cores '0' must be a number of cores greater than 0");
    assertThat(refused(launch("--clients", "2", "--scale-rate", "--overcommit")))
        .contains("--scale-rate and --overcommit exclude each other");
  }

  /**
   * A descriptor limit a process started here cannot have is refused before anything is made, where each client's ulimit
   * failed in its own log and it ran on with the limit it inherited while the fleet's first line named the one asked for:
   * above fs.nr_open, and above the hard limit where this process may not raise it (root in a container without
   * CAP_SYS_RESOURCE, as on this project's machine).
   */
  @Test
  void aDescriptorLimitAProcessHereCannotHaveIsRefusedBeforeAnyNamespaceExists() throws Exception {
    assumeRoot();
    // Read line by line: Files.readString gives only the first byte of a /proc/sys file, whose size is 0.
    long most = Long.parseLong(Files.readAllLines(Path.of("/proc/sys/fs/nr_open")).get(0).strip());
    long hard = Long.parseLong(shell("ulimit -Hn").output().strip());
    List<Long> refusedHere = new ArrayList<>(List.of(most + 1));
    if (shell("ulimit -n " + (hard + 1)).exitCode() != 0) {
      refusedHere.add(hard + 1);
    }
    for (long tooMany : refusedHere) {
      String output = refusedInOneLine(launch("--clients", "1", "--range", "41000-41099", "--rate", "1", "--no-prepare",
          "--nofile", String.valueOf(tooMany), "--simulations", "PooledSimulation", "--", "echo", "COMMAND-RAN"));

      assertThat(output.strip()).startsWith("fleet-run: --nofile " + tooMany + " is more descriptors than a process started here may have")
          .contains("the hard limit, ulimit -Hn, is " + hard, "fs.nr_open, " + most).doesNotContain("results in");
    }
  }

  private static TimedProcess.Result shell(String script) throws Exception {
    return TimedProcess.run(new ProcessBuilder("bash", "-c", script).redirectErrorStream(true), LIMIT);
  }

  /** An option without its value says so, rather than taking the next option for it. */
  @Test
  void anOptionWithoutItsValueIsRefusedRatherThanTakingTheNextOption() throws Exception {
    assertThat(refused(launch("--clients", "2", "--range", "--estimate")).strip())
        .isEqualTo("fleet-run: --range needs LOW-HIGH, such as 40000-40999");
    assertThat(refused(launch("--estimate", "--clients")).strip()).isEqualTo("fleet-run: --clients needs a number of clients");
  }

  /**
   * A simulation the project does not have is refused before the estimate, with the one meant where the class name
   * matches one in another package, or else the list of them; a test simulation of the project's own is run by full name.
   */
  @Test
  void anUnknownSimulationIsRefusedBeforeTheEstimate() throws Exception {
    assertThat(refused(estimate("--clients", "2", "--simulations", "PooledSimulation Nope")))
        .hasLineCount(1).doesNotContain("CPU estimate")
        .startsWith("fleet-run: --simulations: no simulation Nope; the simulations are ClientPerRequestSimulation, PooledSimulation,")
        .contains("fleet.PoolStormSimulation, idle.KeepAliveIdleTimeoutSimulation");
    assertThat(refused(estimate("--clients", "2", "--simulations", "poolstormsimulation")))
        .contains("no simulation poolstormsimulation; did you mean fleet.PoolStormSimulation?");
    assertThat(refused(estimate("--clients", "2", "--simulations", "lab.portexhaustion.run.FleetRunScriptIT")))
        .contains("no simulation lab.portexhaustion.run.FleetRunScriptIT;");
    assertThat(estimate("--clients", "1", "--simulations", "lab.portexhaustion.bench.GatlingFloorSimulation").output())
        .contains("CPU estimate: 1 client at");
  }

  /**
   * A simulation named twice, or two of the same class name in different packages, is refused before the estimate: the
   * second round wrote over the first's consoles and server log, and both merges took the second round's runs.
   */
  @Test
  void aSimulationNamedTwiceIsRefusedBeforeTheEstimate() throws Exception {
    assertThat(refused(estimate("--clients", "1", "--rate", "1", "--simulations", "PooledSimulation RawSocketSimulation PooledSimulation")))
        .hasLineCount(1).doesNotContain("CPU estimate")
        .startsWith("fleet-run: --simulations names the class PooledSimulation twice (PooledSimulation after PooledSimulation):");
  }

  /** One range per client: as many as clients, each as --range's, and not with --range; one line each, before any load. */
  @Test
  void badRangesAreRefusedBeforeAnyNamespaceExists() throws Exception {
    assertThat(refusedInOneLine(launch("--clients", "3", "--ranges", "40000-40499,40000-40999", "--", "echo", "COMMAND-RAN")).strip())
        .isEqualTo("fleet-run: --ranges names 2 range(s) for 3 clients: give one LOW-HIGH per client,"
        + " separated by commas (e.g. 40000-40499,40000-40999).");
    assertThat(refusedInOneLine(launch("--clients", "2", "--ranges", "40000-40499,40000-40999,")))
        .contains("--ranges names 3 range(s) for 2 clients");
    assertThat(refusedInOneLine(launch("--clients", "2", "--ranges", "40000-40499,40999")))
        .contains("--ranges: '40999' (client 2) is not LOW-HIGH (for example 40000-40999).");
    assertThat(refusedInOneLine(launch("--clients", "3", "--ranges", "40000-40499,1000-1999,40000-41999")))
        .contains("--ranges: 1000-1999 (client 2) is out of bounds: it must satisfy 1024 <= LOW < HIGH <= 65535.");
    assertThat(refusedInOneLine(launch("--clients", "2", "--ranges", "40000-40499,41000-40000")))
        .contains("--ranges: 41000-40000 (client 2) is out of bounds");
    assertThat(refusedInOneLine(launch("--clients", "2", "--range", "40000-40999", "--ranges", "40000-40499,40000-40999")))
        .contains("--range and --ranges exclude each other");
  }

  /** A refusal in one line, before the command, the estimate or any namespace. */
  private static String refusedInOneLine(TimedProcess.Result result) {
    String output = refused(result);
    assertThat(output).doesNotContain("COMMAND-RAN", "CPU estimate", "tearing down").hasLineCount(1);
    return output;
  }

  /**
   * A fleet the cores cannot carry is refused in one line, with what they carry, and the figures it gives hold: the
   * fleet at the rate it names fits, one request a second more does not; as many clients as it names fit at the first
   * rate, one more does not. The rate is the harness's own default (the settings the clients will resolve).
   */
  @Test
  void theEstimateRefusesAFleetTheCoresCannotCarryAndSaysWhatFits() throws Exception {
    long defaultRate = Math.round(SettingsLoader.load(Map.of(), Path.of("target/no-such-harness.conf")).load().peakRate());
    TimedProcess.Result refused = launch("--clients", "3", "--cores", "2", "--simulations", "ClientPerRequestSimulation", "--", "echo",
        "COMMAND-RAN");

    assertThat(refused.exitCode()).isEqualTo(SETUP_MISTAKE);
    assertThat(refused.output()).hasLineCount(1).doesNotContain("COMMAND-RAN", "tearing down", "compiling")
        .startsWith("fleet-run: 3 clients at " + defaultRate + "/s (ClientPerRequestSimulation, the harness's default) need ~")
        .contains(" cores, --cores 2 (a fleet plans on ", "--overcommit runs it anyway");
    Matcher carries = CARRIES.matcher(refused.output());
    assertThat(carries.find()).as(refused.output()).isTrue();
    int most = Integer.parseInt(carries.group(1));
    int highest = Integer.parseInt(carries.group(4));
    assertThat(carries.group(2)).isEqualTo(String.valueOf(defaultRate));
    assertThat(carries.group(3)).isEqualTo("3");
    assertThat(most).isLessThan(3);
    assertThat(highest).isPositive().isLessThan((int) defaultRate);
    assertThat(refused.output()).contains("use --rate " + highest + ", fewer --clients, or --scale-rate");

    assertThat(estimate("--clients", "3", "--rate", String.valueOf(highest)).output()).contains("fits");
    assertThat(estimate("--clients", "3", "--rate", String.valueOf(highest + 1)).exitCode()).isEqualTo(SETUP_MISTAKE);
    if (most > 0) {
      assertThat(estimate("--clients", String.valueOf(most)).output()).contains("fits");
    }
    assertThat(estimate("--clients", String.valueOf(most + 1)).exitCode()).isEqualTo(SETUP_MISTAKE);
    // Fewer cores carry fewer clients; a fleet whose JVMs alone are too many fits at no rate.
    assertThat(refused(estimate("--clients", "50")))
        .contains("50 do not fit at any rate (their JVMs and the server alone need ~", "use fewer --clients (");
  }

  /** The rate a simulation sets itself is the one estimated: .ci/run's pool storm, 4 clients at a few requests/s, is not refused. */
  @Test
  void theEstimateReadsTheRateEachSimulationRunsAt() throws Exception {
    TimedProcess.Result storm = estimate("--clients", "4", "--join-interval", "6", "--server-connections", "77",
        "--simulations", "fleet.PoolStormSimulation fleet.PoolStormFixSimulation");
    assertThat(storm.exitCode()).as(storm.output()).isZero();
    assertThat(storm.output()).contains("4 clients at ", "(fleet.PoolStormSimulation, fleet.PoolStormSimulation's own) need ~", ": fits (");
    TimedProcess.Result commandRate = estimate("--clients", "2", "--", "mvn", "-Dload.peakRate=30", "-Dload.peakRate=20");
    assertThat(commandRate.output()).contains("2 clients at 20/s (ClientPerRequestSimulation, the command's -Dload.peakRate)");
    TimedProcess.Result optionRate = estimate("--clients", "2", "--rate", "10", "--", "mvn", "-Dload.peakRate=30");
    assertThat(optionRate.output()).contains("2 clients at 10/s (ClientPerRequestSimulation, --rate)");
  }

  private TimedProcess.Result estimate(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("--estimate", "--cores", "2"));
    all.addAll(List.of(args));
    return launch(all.toArray(String[]::new));
  }

  /**
   * Each client sees its own range (--ranges), no reuse, its own bridge address, the fleet's rate, is told not to build
   * (the fleet built once before it), and reaches the round's server over the bridge.
   */
  @Test
  void eachClientHasItsNamespaceAndReachesTheServerOverTheBridge() throws Exception {
    assumeRoot();
    TimedProcess.Result run = launch("--clients", "2", "--ranges", "41000-41099,41200-41399", "--rate", "1", "--no-prepare",
        "--simulations", "PooledSimulation", "--", "bash", "-c",
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
        "arg -Dload.peakRate=1", "arg -Dmaven.main.skip=true", "arg -Dmaven.test.skip=true", "arg -Dmaven.resources.skip=true",
        "connected=10.213.0.1:27018")
        .containsPattern("arg -Dgatling.resultsFolder=.*/results/fleet-[0-9-]+/client-1\n");
    assertThat(client2).contains("range=41200-41399 reuse=0 address=10.213.0.12/24", "arg -Dfleet.client=2", "arg -Dload.peakRate=1",
        "connected=10.213.0.1:27018");
    assertThat(output).contains("ephemeral ranges client 1 41000-41099 (100 ports), client 2 41200-41399 (200 ports)");
    // Nothing to merge from a shell: the script says so and fails, after tearing everything down.
    assertThat(output).contains("PooledSimulation: no finished client run to merge", "tearing down 3 namespaces");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(fleetNamespaces(pidOf(output))).isEmpty();
  }

  /** A fleet of one client says so in the singular, where its lines said "1 clients" as it began and ran its round. */
  @Test
  void aFleetOfOneClientIsOneClient() throws Exception {
    assumeRoot();
    TimedProcess.Result run = launch("--clients", "1", "--range", "41000-41099", "--rate", "1", "--no-prepare",
        "--simulations", "PooledSimulation", "--", "bash", "-c", "exit 0", "client");
    String output = run.output();

    assertThat(output).contains("(namespace pel" + pidOf(output) + "-server), 1 client 10.213.0.11-10.213.0.11,",
        "fleet-run: PooledSimulation: 1 client running (logs:").doesNotContain("1 clients");
    assertThat(fleetNamespaces(pidOf(output))).isEmpty();
  }

  /** A fleet the cores cannot carry, with --scale-rate: its clients run at the rate the estimate says fits. */
  @Test
  void scaleRateRunsTheClientsAtTheRateThatFits() throws Exception {
    assumeRoot();
    String refusal = launch("--clients", "3", "--cores", "2", "--simulations", "ClientPerRequestSimulation").output();
    Matcher carries = CARRIES.matcher(refusal);
    assertThat(carries.find()).as(refusal).isTrue();
    TimedProcess.Result run = launch("--clients", "3", "--cores", "2", "--scale-rate", "--range", "41000-41099", "--no-prepare",
        "--simulations", "ClientPerRequestSimulation", "--", "bash", "-c", "for a in \"$@\"; do echo \"arg $a\"; done", "client");

    assertThat(run.output()).contains("--scale-rate: " + carries.group(4) + "/s per client for ClientPerRequestSimulation");
    try (var files = Files.walk(fleetFolder(run.output()))) {
      List<Path> logs = files.filter(p -> p.getFileName().toString().equals("ClientPerRequestSimulation.log")).toList();
      assertThat(logs).hasSize(3).allSatisfy(log -> assertThat(log).content().contains("arg -Dload.peakRate=" + carries.group(4) + "\n"));
    }
    assertThat(fleetNamespaces(pidOf(run.output()))).isEmpty();
  }

  /**
   * Maven ends with 1 whatever its simulation ended with: each client's simulation records its own code, and the fleet
   * reads it, so that an inconclusive client is said to be one, apart from a failed verdict. The clients here write
   * what a simulation's JVM would (docs/verdict.md, "Exit codes") and end as Maven would. The fleet is overcommitted
   * (--overcommit on 1 core), so a failed verdict comes with the fleet's word that it may be the machine's.
   */
  @Test
  void eachClientEndsWithItsSimulationsOwnCodeAndAnInconclusiveOneIsSaidApart() throws Exception {
    assumeRoot();
    TimedProcess.Result run = launch("--clients", "3", "--range", "41000-41099", "--cores", "1", "--overcommit", "--no-prepare",
        "--simulations", "ClientPerRequestSimulation", "--", "bash", "-c",
        "case \"$*\" in"
            + " *-Dfleet.client=1*) printf '1 ClientPerRequestSimulation\\n6 ClientPerRequestSimulation\\n' > \"$PORT_EXHAUSTION_LAB_EXIT_FILE\"; exit 1 ;;"
            + " *-Dfleet.client=2*) echo '2 ClientPerRequestSimulation' > \"$PORT_EXHAUSTION_LAB_EXIT_FILE\"; exit 1 ;;"
            + " esac", "client");

    assertThat(run.output()).contains("client 1 exited 6 (inconclusive)", "client 2 exited 2 (verdict failed)", "client 3 exited 0 (passed)",
        "fleet-run: ClientPerRequestSimulation: 1 inconclusive (client 1); 1 verdict failed (client 2); 1 passed (client 3)",
        "an inconclusive client's evidence was not whole", "ClientPerRequestSimulation: the fleet ran overcommitted (~",
        " cores of 0.80, --overcommit): a failed verdict here may be this machine's, not the model's");
    assertThat(fleetNamespaces(pidOf(run.output()))).isEmpty();
  }

  @Test
  void ctrlCMidRunLeavesNoNamespaceBridgeOrProcess() throws Exception {
    assumeRoot();
    interruptedMidRun("INT", 130, List.of(), "2 clients running", 5);
  }

  /**
   * TERM or HUP while the fleet waits to launch its next client (--join-interval) tears it down at once: bash ran the
   * trap only once that wait was over, up to a join interval later, the clients launched meanwhile joining the load.
   */
  @ParameterizedTest
  @CsvSource({"TERM, 143", "HUP, 129"})
  void aSignalWhileWaitingToLaunchTheNextClientTearsTheFleetDownAtOnce(String signal, int code) throws Exception {
    assumeRoot();
    // Client 2 is launched 60 s after client 1; the server, client 1's timeout and its sleep are there before.
    interruptedMidRun(signal, code, List.of("--join-interval", "60", "--round-limit", "120"), "client 1 joins at", 3);
  }

  @Test
  void aClientPastTheRoundLimitIsEndedAndTheFleetTornDown() throws Exception {
    assumeRoot();
    long began = System.nanoTime();
    TimedProcess.Result run = launch("--clients", "2", "--range", "41000-41099", "--rate", "1", "--no-prepare",
        "--simulations", "PooledSimulation", "--round-limit", "10",
        "--", "bash", "-c", "sleep 300", "client");
    Duration took = Duration.ofNanos(System.nanoTime() - began);

    assertThat(run.output()).contains("client 1 exited 124", "client 2 exited 124", "tearing down 3 namespaces");
    assertThat(took).as("the fleet's start and teardown around a 10 s round, not the clients' 300 s").isLessThan(Duration.ofSeconds(90));
    assertThat(Files.list(fleetFolder(run.output())).map(p -> p.getFileName().toString())).doesNotContain("server.stdin", "unfinished.txt");
    assertThat(fleetNamespaces(pidOf(run.output()))).isEmpty();
  }

  /**
   * Starts a fleet whose clients sleep, with {@code options}; waits until it says {@code ready} and at least {@code least}
   * processes are in its namespaces; signals the script, which must have torn it all down 40 s later.
   */
  private void interruptedMidRun(String signal, int expectedExit, List<String> options, String ready, int least)
      throws Exception {
    Path output = Files.createTempFile("fleet-run", ".log");
    // env resets the signal to its default first: a build started in the background of a non-interactive shell has
    // SIGINT ignored, a disposition the script would inherit and could not trap.
    List<String> command = new ArrayList<>(List.of("env", "--default-signal=" + signal, "scripts/fleet-run", "--clients", "2",
        "--range", "41000-41099", "--rate", "1", "--no-prepare", "--simulations", "PooledSimulation"));
    command.addAll(options);
    command.addAll(List.of("--", "bash", "-c", "sleep 300", "client"));
    Process script = new ProcessBuilder(command)
        .redirectErrorStream(true).redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    String tag = "pel" + script.pid();
    List<ProcessHandle> inside = new ArrayList<>();
    try {
      long deadline = System.nanoTime() + LIMIT.toNanos();
      while (!Files.readString(output).contains(ready) && System.nanoTime() < deadline && script.isAlive()) {
        Thread.sleep(200);
      }
      assertThat(Files.readString(output)).as("the fleet never started").contains(ready);
      assertThat(fleetNamespaces(script.pid())).containsExactlyInAnyOrder(tag + "-server", tag + "-client-1", tag + "-client-2");
      assertThat(links(tag + "-server")).contains("br-" + tag);
      // The server, and per client at least timeout and the sleep: the script says it as it starts them, a client may
      // join its namespace a moment later.
      inside.addAll(processesInFleet(script.pid(), least));
      assertThat(inside).hasSizeGreaterThanOrEqualTo(least);

      new ProcessBuilder("kill", "-" + signal, Long.toString(script.pid())).start().waitFor(10, TimeUnit.SECONDS);

      assertThat(script.waitFor(40, TimeUnit.SECONDS)).as("the script ended after SIG" + signal + ": " + Files.readString(output))
          .isTrue();
      assertThat(script.exitValue()).isEqualTo(expectedExit);
      assertThat(Files.readString(output)).contains("tearing down 3 namespaces");
      // Its folder keeps what ran, and says it is not a fleet that ran whole.
      Path unfinished = fleetFolder(Files.readString(output)).resolve("unfinished.txt");
      assertThat(unfinished).as("the fleet's folder marked as cut short").exists();
      assertThat(Files.readString(unfinished)).startsWith("This fleet did not finish: " + WHY.get(signal)
          + " in round 1 of 1 (PooledSimulation). ").contains("no merge was made");
      assertThat(Files.readString(output)).contains("the fleet did not finish (" + WHY.get(signal) + " in round 1 of 1");
      assertThat(fleetNamespaces(script.pid())).isEmpty();
      assertThat(run("ip", "-o", "link").output()).doesNotContain(tag);
      // Handles taken while they ran: a pid the machine gave out again since is not one of them.
      assertThat(inside.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList())
          .as("processes of the fleet still alive").isEmpty();
    } finally {
      // A fleet that failed the test is still torn down by its own trap (a KILL would leave its namespaces behind), then
      // killed if that takes past the longest wait it can be in, a join interval's.
      script.destroy();
      if (!script.waitFor(75, TimeUnit.SECONDS)) {
        script.destroyForcibly();
      }
      madeBy(Files.readString(output));
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

  /** The processes in the fleet's namespaces, read again for up to 10 s until there are at least {@code least}. */
  private static List<ProcessHandle> processesInFleet(long scriptPid, int least) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<ProcessHandle> inside = new ArrayList<>();
    do {
      inside.clear();
      for (String ns : fleetNamespaces(scriptPid)) {
        pidsIn(ns).forEach(pid -> ProcessHandle.of(pid).ifPresent(inside::add));
      }
      if (inside.size() >= least) {
        break;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    return inside;
  }

  private static List<Long> pidsIn(String namespace) throws Exception {
    return run("ip", "netns", "pids", namespace).output().lines().filter(l -> !l.isBlank()).map(String::trim).map(Long::parseLong)
        .toList();
  }

  private static TimedProcess.Result run(String... command) throws Exception {
    return TimedProcess.run(new ProcessBuilder(Arrays.asList(command)).redirectErrorStream(true), Duration.ofSeconds(20));
  }
}
