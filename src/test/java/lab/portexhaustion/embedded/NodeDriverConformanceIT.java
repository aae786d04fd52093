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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Node.js driver (npm's {@code mongodb}, the current major and the one before, both pinned in
 * src/test/node/package.json and installed there by {@code npm ci}) against the embedded server in its own process:
 * src/test/node/conformance.mjs, once per driver. Skipped without node, without the installed package, or with a node
 * older than the package's {@code engines.node}.
 */
class NodeDriverConformanceIT {

  private static final Path FOLDER = Path.of("src", "test", "node");

  /** The package (its name in package.json) and the major version its pin must have. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"mongodb, 7.", "mongodb-6, 6."})
  void theNodeDriverConnectsStreamsUsesSessionsAndSeesTheCap(String driverPackage, String major) throws Exception {
    String node = nodeVersion();
    assumeTrue(node != null, "no node on the PATH: the Node.js driver's conformance is not checked");
    Path installed = FOLDER.resolve("node_modules").resolve(driverPackage).resolve("package.json");
    assumeTrue(Files.isRegularFile(installed),
        "no " + installed + ": run 'npm ci' in src/test/node (.ci/run does) to check the Node.js driver");
    NodeEngine engine = NodeEngine.ofPackageJson(Files.readString(installed));
    assumeTrue(engine.admits(node), "node " + node + " is older than the driver's engines.node " + engine.range()
        + ": the Node.js driver's conformance is not checked");

    Map<String, String> summary = DriverConformance.run(FOLDER, List.of("node", "conformance.mjs"),
        Map.of("CONFORMANCE_DRIVER", driverPackage));

    assertThat(summary.get("driver")).isEqualTo("node-mongodb");
    assertThat(summary.get("version")).as("the driver's version, as pinned").isEqualTo(pinned(driverPackage)).startsWith(major);
    DriverConformance.assertConforms(summary);
    // includeResultMetadata hands over findAndModify's reply whole: an upsert's lastErrorObject as mongod gives it.
    assertThat(summary.get("upsertLastError")).as("an upsert's lastErrorObject: n/updatedExisting/upserted")
        .isEqualTo("1/false/fresh");
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

  /** The version package.json pins {@code driverPackage} to: "7.9.1", or an alias's "npm:mongodb@6.22.0". */
  private static String pinned(String driverPackage) throws Exception {
    Matcher pin = Pattern.compile("\"" + Pattern.quote(driverPackage) + "\":\\s*\"(?:npm:mongodb@)?([^\"]+)\"")
        .matcher(Files.readString(FOLDER.resolve("package.json")));
    assertThat(pin.find()).as("the %s dependency in package.json", driverPackage).isTrue();
    return pin.group(1);
  }
}
