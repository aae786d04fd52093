package lab.portexhaustion.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.portexhaustion.process.TimedProcess;
import org.junit.jupiter.api.Test;

/**
 * The Node.js driver (npm's {@code mongodb}, the 7.x pinned in src/test/node/package.json, installed there by
 * {@code npm ci}) against the embedded server in its own process: src/test/node/conformance.mjs. Skipped without node,
 * without the installed package, or with a node older than the package's {@code engines.node}.
 */
class NodeDriverConformanceIT {

  private static final Path FOLDER = Path.of("src", "test", "node");

  @Test
  void theNodeDriverConnectsStreamsUsesSessionsAndSeesTheCap() throws Exception {
    String node = nodeVersion();
    assumeTrue(node != null, "no node on the PATH: the Node.js driver's conformance is not checked");
    Path driverPackage = FOLDER.resolve("node_modules/mongodb/package.json");
    assumeTrue(Files.isRegularFile(driverPackage),
        "no src/test/node/node_modules: run 'npm ci' in src/test/node (.ci/run does) to check the Node.js driver");
    NodeEngine engine = NodeEngine.ofPackageJson(Files.readString(driverPackage));
    assumeTrue(engine.admits(node), "node " + node + " is older than the driver's engines.node " + engine.range()
        + ": the Node.js driver's conformance is not checked");

    Map<String, String> summary = DriverConformance.run(FOLDER, List.of("node", "conformance.mjs"));

    assertThat(summary.get("driver")).isEqualTo("node-mongodb");
    assertThat(summary.get("version")).as("the driver's version, as pinned").isEqualTo(pinned()).startsWith("7.");
    DriverConformance.assertConforms(summary);
  }

  /** {@code node --version}'s answer ("v20.20.2"), or null when node does not run. */
  private static String nodeVersion() {
    try {
      TimedProcess.Result version = TimedProcess.run(new ProcessBuilder("node", "--version"), Duration.ofSeconds(10));
      return version.exitCode() == 0 ? version.output().strip() : null;
    } catch (Exception e) {
      return null;
    }
  }

  private static String pinned() throws Exception {
    Matcher pin = Pattern.compile("\"mongodb\":\\s*\"([^\"]+)\"").matcher(Files.readString(FOLDER.resolve("package.json")));
    assertThat(pin.find()).as("the mongodb dependency in package.json").isTrue();
    return pin.group(1);
  }
}
