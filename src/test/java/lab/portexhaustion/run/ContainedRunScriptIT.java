package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.process.TimedProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** scripts/contained-run: its checks of bad input, and the namespace it makes. */
class ContainedRunScriptIT {

  /** The code of the launcher's own refusal, before anything runs: a setup mistake's, never a failed verdict's 2. */
  private static final int SETUP_MISTAKE = ProcessExit.Code.SETUP_FAILED.status();

  private record Run(int exitCode, String output) {}

  private static Run launch(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("scripts/contained-run"));
    command.addAll(List.of(args));
    TimedProcess.Result result = TimedProcess.run(new ProcessBuilder(command).redirectErrorStream(true), Duration.ofSeconds(60));
    return new Run(result.exitCode(), result.output());
  }

  /**
   * A Maven command of the user's own is prepared as it will run, its executable and profile, not a plain mvn; online,
   * without its -o, which is for inside the namespace.
   */
  @Test
  void aMavenCommandOfTheUsersOwnIsPreparedWithItsOwnExecutableAndOptions(@TempDir Path project) throws Exception {
    Path calls = project.resolve("calls.txt");
    Path wrapper = Files.writeString(project.resolve("mvnw"), "#!/bin/sh\necho \"$*\" >> '" + calls + "'\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));

    Run run = launch("--range", "40000-40999", "--", wrapper.toString(), "-B", "-o", "gatling:test", "-Pnightly");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("resolving dependencies before entering the namespace (" + wrapper
        + " -B gatling:test -Pnightly -q -Dgatling.skip=true)");
    assertThat(Files.readAllLines(calls)).containsExactly("-B gatling:test -Pnightly -q -Dgatling.skip=true",
        "-B -o gatling:test -Pnightly");
  }

  /**
   * A connection string's password in the build's command is {@code ****} in every line contained-run prints of it, its
   * user name kept, as the harness masks it: the command it prepares, a failed build's last lines, the command to rerun
   * it. It was printed as given ({@code -Duri=mongodb://lab:s3cret@db.example:27017/}).
   */
  @Test
  void aPasswordInTheBuildsCommandIsMaskedInWhatItPrints(@TempDir Path project) throws Exception {
    Path wrapper = Files.writeString(project.resolve("mvnw"), "#!/bin/sh\necho \"[ERROR] Unknown lifecycle phase in: $*\"\nexit 1\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));

    Run run = launch("--range", "40000-40999", "--", wrapper.toString(), "-o", "gatling:test",
        "-Duri=mongodb://lab:s3cret@db.example:27017/?authSource=admin", "'mongo://ops:p@ss@other/'",
        "-Dother=mongodb://db.example/?tlsCertificateKeyFilePassword=k3y&authMechanism=MONGODB-AWS"
            + "&authMechanismProperties=AWS_SESSION_TOKEN:t0k&en;appName=lab");

    assertThat(run.exitCode()).as(run.output()).isEqualTo(SETUP_MISTAKE);
    assertThat(run.output()).as("the secret options' values, as the harness masks them")
        .doesNotContain("k3y", "t0k", "en;").contains("-Dother=mongodb://db.example/?tlsCertificateKeyFilePassword=****"
            + "&authMechanism=MONGODB-AWS&authMechanismProperties=****&****;appName=lab");
    assertThat(run.output()).doesNotContain("s3cret", "p@ss").containsSubsequence(
        "resolving dependencies before entering the namespace (" + wrapper + " gatling:test"
            + " -Duri=mongodb://lab:****@db.example:27017/?authSource=admin 'mongo://ops:****@other/' -Dother=mongodb://"
            + "db.example/?tlsCertificateKeyFilePassword=****&authMechanism=MONGODB-AWS&authMechanismProperties=****&****;"
            + "appName=lab -q -Dgatling.skip=true)",
        "[ERROR] Unknown lifecycle phase in: gatling:test -Duri=mongodb://lab:****@db.example:27017/?authSource=admin",
        "contained-run: preparing the build failed (its last lines above); run '" + wrapper + " gatling:test"
            + " -Duri=mongodb://lab:****@db.example:27017/?authSource=admin");
  }

  @Test
  void aRangeOutOfBoundsIsRefusedBeforeAnythingRuns() throws Exception {
    Run run = launch("--no-prepare", "--range", "80-90", "--", "echo", "COMMAND-RAN");

    assertThat(run.exitCode()).isEqualTo(SETUP_MISTAKE);
    assertThat(run.output()).contains("--range 80-90 is out of bounds", "1024 <= LOW < HIGH <= 65535").doesNotContain("COMMAND-RAN");
  }

  @Test
  void aMalformedRangeAndAnUnknownOptionAreRefused() throws Exception {
    assertThat(launch("--range", "40000").output()).contains("is not LOW-HIGH");
    // Bash and the kernel read a leading zero as octal (02000-03000 became 1024-1536); a number past five digits is no port.
    for (String range : new String[] {"02000-03000", "040000-040999", "1024-99999999999999999999"}) {
      Run refused = launch("--range", range, "--no-prepare", "--", "echo", "COMMAND-RAN");
      assertThat(refused.exitCode()).as(range).isEqualTo(SETUP_MISTAKE);
      assertThat(refused.output().strip()).isEqualTo("contained-run: --range '" + range + "' is not LOW-HIGH, two port numbers"
          + " without leading zeros (for example 40000-40999).");
    }
    assertThat(launch("--range", "40000-40999", "--nofile", "02048", "--no-prepare", "--", "echo", "COMMAND-RAN").output())
        .contains("--nofile '02048' must be a whole number").doesNotContain("COMMAND-RAN");
    // Below 256 Maven's JVM or Gatling's fails as it starts (Too many open files, a JNI error): refused before, exit 3.
    Run tooFew = launch("--range", "40000-40999", "--nofile", "200", "--no-prepare", "--", "echo", "COMMAND-RAN");
    assertThat(tooFew.exitCode()).isEqualTo(SETUP_MISTAKE);
    assertThat(tooFew.output()).contains("--nofile '200' must be a whole number of descriptors, at least 256").doesNotContain("COMMAND-RAN");
    Run unknown = launch("--ragne", "40000-40999");
    assertThat(unknown.exitCode()).isEqualTo(SETUP_MISTAKE);
    assertThat(unknown.output()).contains("unknown option '--ragne'");
  }

  @Test
  void anOptionWithoutItsValueIsRefusedRatherThanTakingTheNextOption() throws Exception {
    Run range = launch("--range", "--no-prepare", "--", "echo", "COMMAND-RAN");
    assertThat(range.exitCode()).isEqualTo(SETUP_MISTAKE);
    assertThat(range.output().strip()).isEqualTo("contained-run: --range needs LOW-HIGH, such as 40000-40999.");
    Run nofile = launch("--no-prepare", "--nofile");
    assertThat(nofile.exitCode()).isEqualTo(SETUP_MISTAKE);
    assertThat(nofile.output().strip()).isEqualTo("contained-run: --nofile needs a number of descriptors, such as 2048.");
  }

  @Test
  void theCommandRunsWithTheNarrowRangeNoReuseAndTheDescriptorLimit() throws Exception {
    NetworkNamespaces.assumeAvailable();

    Run run = launch("--no-prepare", "--range", "41000-41099", "--nofile", "300", "--", "sh", "-c",
        "cat /proc/sys/net/ipv4/ip_local_port_range /proc/sys/net/ipv4/tcp_tw_reuse; ulimit -n; ip -o link show up | cut -d: -f2;"
            + " echo contained=$PORT_EXHAUSTION_LAB_CONTAINED loopbackOnly=$PORT_EXHAUSTION_LAB_LOOPBACK_ONLY");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output().lines().map(String::trim).toList())
        .contains("41000\t41099", "0", "300", "lo", "contained=1 loopbackOnly=1");
    assertThat(run.output()).doesNotContain("eth0");
  }

  /**
   * TERM or HUP sent to contained-run's pid (lab-test's once the namespace is made) ends the command in the namespace,
   * and with it the namespace, and is said with the signal's code: contained-run ended at once before, its load going on.
   */
  @ParameterizedTest
  @CsvSource({"TERM, 143", "HUP, 129"})
  void aSignalToContainedRunAloneEndsTheLoadInItsNamespaceAndIsSaid(String signal, int code, @TempDir Path scratch) throws Exception {
    NetworkNamespaces.assumeAvailable();

    SignalledWrapper.Result run = SignalledWrapper.run(scratch, List.of("scripts/contained-run", "--no-prepare", "--range", "41000-41099"),
        signal);

    assertThat(run.loadLeftRunning()).as("the load after contained-run ended: %s", run.output()).isEmpty();
    assertThat(run.exitCode()).as(run.output()).isEqualTo(code);
    assertThat(run.output()).contains("lab-test: exit " + code + ": interrupted by " + signal + "; PooledSimulation stopped");
  }

  /**
   * A build that cannot be prepared is shown by its last lines, then contained-run's own, exit 3: its output was thrown
   * away, and lab-test's line pointed at "the output above", which was not there.
   */
  @Test
  void aBuildThatCannotBePreparedIsShownByItsLastLines(@TempDir Path project) throws Exception {
    Path wrapper = Files.writeString(project.resolve("mvnw"), "#!/bin/sh\necho '[ERROR] Could not resolve dependencies for project'\nexit 1\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));

    Run run = launch("--range", "40000-40999", "--", wrapper.toString(), "gatling:test");

    assertThat(run.exitCode()).as(run.output()).isEqualTo(SETUP_MISTAKE);
    assertThat(run.output()).containsSubsequence("[ERROR] Could not resolve dependencies for project",
        "lab-test: exit 1: the command ended with 1 before any simulation began",
        "contained-run: preparing the build failed (its last lines above); run '" + wrapper + " gatling:test -q -Dgatling.skip=true' to see all of it.");
  }

  /**
   * A TERM while contained-run shows a failed build's last lines ends it with the signal's code and its line, the build's
   * output removed: the build's pid, already waited for, was sent the signal again, and under set -e the failed kill ended
   * contained-run with 1, no line, the file left behind. Its stderr is read only after the signal: the lines, more than a
   * pipe holds, keep tail writing until then.
   */
  @Test
  void aSignalWhileAFailedBuildIsShownEndsWithTheSignalsCode(@TempDir Path project) throws Exception {
    Path temporary = Files.createDirectory(project.resolve("tmp"));
    Path printed = project.resolve("printed");
    Path wrapper = Files.writeString(project.resolve("mvnw"), "#!/bin/sh\nline=$(printf '%4000s' '' | tr ' ' x)\n"
        + "for i in $(seq 40); do echo \"$line\"; done\ntouch '" + printed + "'\nexit 1\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    ProcessBuilder builder = new ProcessBuilder("env", "--default-signal=INT,TERM,HUP", "scripts/contained-run", "--range", "40000-40999",
        "--", wrapper.toString(), "gatling:test").redirectOutput(project.resolve("stdout.txt").toFile());
    builder.environment().put("TMPDIR", temporary.toString());
    Process process = builder.start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!Files.exists(printed)) {
        assertThat(System.nanoTime()).as("the build did not print its lines").isLessThan(deadline);
        Thread.sleep(50);
      }
      Thread.sleep(2000); // lab-test ends, and contained-run's tail is held by the full pipe
      assertThat(new ProcessBuilder("kill", "-s", "TERM", String.valueOf(process.pid())).start().waitFor()).isZero();
      String errors = new String(process.getErrorStream().readAllBytes());

      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String end = errors.substring(Math.max(0, errors.length() - 600));
      assertThat(process.exitValue()).as(end).isEqualTo(143);
      assertThat(end).contains("contained-run: interrupted by TERM while preparing the build; nothing ran");
      assertThat(temporary).isEmptyDirectory();
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  /**
   * A PORT_EXHAUSTION_LAB_STOP_WAIT that lab-test refuses stops contained-run before the build is prepared, said once by
   * lab-test: contained-run went on to say "preparing the build failed; run '... -Dgatling.skip=true' to see why", a
   * command that then succeeds.
   */
  @Test
  void aStopWaitThatLabTestRefusesIsNotSaidAsAFailedBuild(@TempDir Path project) throws Exception {
    Path calls = project.resolve("calls.txt");
    Path wrapper = Files.writeString(project.resolve("mvnw"), "#!/bin/sh\necho \"$*\" >> '" + calls + "'\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    ProcessBuilder builder = new ProcessBuilder("scripts/contained-run", "--range", "40000-40999", "--", wrapper.toString(), "gatling:test")
        .redirectErrorStream(true);
    builder.environment().put("PORT_EXHAUSTION_LAB_STOP_WAIT", "2m");

    TimedProcess.Result run = TimedProcess.run(builder, Duration.ofSeconds(60));

    assertThat(run.exitCode()).as(run.output()).isEqualTo(SETUP_MISTAKE);
    assertThat(run.output()).contains("lab-test: PORT_EXHAUSTION_LAB_STOP_WAIT is '2m'").doesNotContain("preparing the build failed");
    assertThat(run.output().strip()).as("lab-test's paragraph alone, before the build's line").startsWith("lab-test: ").doesNotContain("\n");
    assertThat(calls).doesNotExist();
  }

  /**
   * With --no-prepare too, a PORT_EXHAUSTION_LAB_STOP_WAIT that lab-test refuses is refused before anything is printed
   * or set up, in lab-test's one paragraph, exit 3: contained-run printed its namespace line first, and made the namespace.
   */
  @Test
  void aStopWaitThatLabTestRefusesIsRefusedBeforeTheNamespace() throws Exception {
    ProcessBuilder builder = new ProcessBuilder("scripts/contained-run", "--no-prepare", "--range", "41000-41099", "--", "echo",
        "COMMAND-RAN").redirectErrorStream(true);
    builder.environment().put("PORT_EXHAUSTION_LAB_STOP_WAIT", "2m");

    TimedProcess.Result run = TimedProcess.run(builder, Duration.ofSeconds(60));

    assertThat(run.exitCode()).as(run.output()).isEqualTo(SETUP_MISTAKE);
    assertThat(run.output().strip()).startsWith("lab-test: PORT_EXHAUSTION_LAB_STOP_WAIT is '2m': it is how many seconds")
        .endsWith("or leave it unset or empty for 120. Nothing ran.").doesNotContain("\n");
  }

  /**
   * TERM or HUP sent to lab-test alone while it prepares the build (a supervisor that signals the build's own wrapper)
   * is passed on with the signal's code and said as a stop, not as a failure: contained-run said "preparing the build
   * failed", exit 3.
   */
  @ParameterizedTest
  @CsvSource({"TERM, 143", "HUP, 129"})
  void aSignalToLabTestAloneWhilePreparingTheBuildIsPassedOn(String signal, int code, @TempDir Path project) throws Exception {
    Path labTestPid = project.resolve("lab-test.pid");
    // The user's own Maven wrapper, which lab-test runs as its command: its parent is lab-test.
    Path wrapper = Files.writeString(project.resolve("mvnw"), "#!/bin/sh\necho $PPID > '" + labTestPid + "'\nexec sleep 120\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    Process process = new ProcessBuilder("env", "--default-signal=INT,TERM,HUP", "scripts/contained-run", "--range", "40000-40999",
        "--", wrapper.toString(), "gatling:test").redirectErrorStream(true).redirectOutput(project.resolve("output.txt").toFile()).start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!Files.exists(labTestPid) || Files.readString(labTestPid).isBlank()) {
        assertThat(System.nanoTime()).as("the build did not start").isLessThan(deadline);
        Thread.sleep(50);
      }
      String pid = Files.readString(labTestPid).strip();
      assertThat(Files.readString(Path.of("/proc", pid, "cmdline"))).as("the build's parent").contains("lab-test");
      assertThat(new ProcessBuilder("kill", "-s", signal, pid).start().waitFor()).isZero();

      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String output = Files.readString(project.resolve("output.txt"));
      assertThat(process.exitValue()).as(output).isEqualTo(code);
      assertThat(output).containsSubsequence("lab-test: exit " + code + ": interrupted by " + signal + " before any simulation began",
          "contained-run: preparing the build was stopped by " + signal + ", sent to the build (to lab-test, which runs it) and not to"
              + " contained-run; nothing ran, exit " + code + ".").doesNotContain("preparing the build failed");
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  /**
   * TERM or HUP sent to contained-run while it prepares the build (before any namespace) stops that build and says so
   * with the signal's code: contained-run ended at once before, the build going on without it.
   */
  @ParameterizedTest
  @CsvSource({"TERM, 143", "HUP, 129"})
  void aSignalWhilePreparingTheBuildStopsTheBuild(String signal, int code, @TempDir Path project) throws Exception {
    Path building = project.resolve("build.pid");
    // The user's own Maven wrapper, prepared first: it stands for the build, and records its pid.
    Path wrapper = Files.writeString(project.resolve("mvnw"), "#!/bin/sh\necho $$ > '" + building + "'\nexec sleep 120\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));

    SignalledWrapper.Result run = SignalledWrapper.run(project,
        List.of("scripts/contained-run", "--range", "40000-40999", "--", wrapper.toString(), "gatling:test"), building, signal);

    assertThat(run.loadLeftRunning()).as("the build after contained-run ended: %s", run.output()).isEmpty();
    assertThat(run.exitCode()).as(run.output()).isEqualTo(code);
    // lab-test's own line, from the build's output kept aside, then contained-run's.
    assertThat(run.output()).containsSubsequence("lab-test: exit " + code + ": interrupted by " + signal + " before any simulation began",
        "contained-run: interrupted by " + signal + " while preparing the build; nothing ran");
  }

  /**
   * TERM or HUP while preparing the build reaches every process of the build, as Maven's JVM under its wrapper script:
   * sent to the wrapper's pid alone, it ended the wrapper and left the process under it running.
   */
  @ParameterizedTest
  @CsvSource({"TERM, 143", "HUP, 129"})
  void aSignalWhilePreparingTheBuildReachesEveryProcessOfTheBuild(String signal, int code, @TempDir Path project) throws Exception {
    Path building = project.resolve("build.pid");
    // The user's own Maven wrapper, which starts the build's JVM as a process of its own and waits for it.
    Path wrapper = Files.writeString(project.resolve("mvnw"),
        "#!/bin/sh\nsh -c 'echo $$ > \"$1\"; exec sleep 120' build '" + building + "' &\nwait\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));

    SignalledWrapper.Result run = SignalledWrapper.run(project,
        List.of("scripts/contained-run", "--range", "40000-40999", "--", wrapper.toString(), "gatling:test"), building, signal);

    assertThat(run.loadLeftRunning()).as("the build's process after contained-run ended: %s", run.output()).isEmpty();
    assertThat(run.exitCode()).as(run.output()).isEqualTo(code);
    assertThat(run.output()).contains("contained-run: interrupted by " + signal + " while preparing the build; nothing ran");
  }

  /**
   * A limit no process here may have is refused in one line before the build is prepared (it was refused inside the
   * namespace, after the build and below bash's own ulimit line).
   */
  @Test
  void aDescriptorLimitNoProcessHereMayHaveIsRefusedBeforeTheBuild() throws Exception {
    // Above the kernel's fs.nr_open (1,048,576 by default), which not even root may pass.
    Run run = launch("--range", "41000-41099", "--nofile", "2000000000", "--", "echo", "COMMAND-RAN");

    assertThat(run.exitCode()).as(run.output()).isEqualTo(SETUP_MISTAKE);
    assertThat(run.output().strip()).startsWith("contained-run: --nofile 2000000000 is more descriptors than a process"
        + " started here may have: ulimit -n 2000000000 fails (the hard limit, ulimit -Hn, is ").doesNotContain("\n");
  }
}
