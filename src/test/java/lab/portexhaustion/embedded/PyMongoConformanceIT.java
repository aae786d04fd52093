package lab.portexhaustion.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import lab.portexhaustion.process.TimedProcess;
import org.junit.jupiter.api.Test;

/**
 * PyMongo, Debian's {@code python3-pymongo} under Debian's own Python (/usr/bin/python3: a {@code python3} on the PATH
 * may be another installation without it), against the embedded server in its own process:
 * src/test/python/conformance.py. Skipped without that Python or without the package.
 */
class PyMongoConformanceIT {

  private static final Path FOLDER = Path.of("src", "test", "python");
  private static final String PYTHON = "/usr/bin/python3";

  @Test
  void pyMongoConnectsStreamsUsesSessionsAndSeesTheCap() throws Exception {
    assumeTrue(Files.isExecutable(Path.of(PYTHON)), "no " + PYTHON + ": PyMongo's conformance is not checked");
    String installed = pyMongoVersion();
    assumeTrue(installed != null, "no pymongo for " + PYTHON + ": apt-get install python3-pymongo (.ci/run does) to check PyMongo");

    Map<String, String> summary = DriverConformance.run(FOLDER, List.of(PYTHON, "conformance.py"));

    assertThat(summary.get("driver")).isEqualTo("pymongo");
    assertThat(summary.get("version")).as("the driver's version").isEqualTo(installed);
    DriverConformance.assertConforms(summary);
    assertThat(summary.get("countNegativeLimit")).as("Cursor.count of a find with limit(-2), of 300").isEqualTo("2");
    assertThat(summary.get("countMinLongLimit")).as("the error code of a count whose limit is Long.MIN_VALUE").isEqualTo("2");
    // An empty document sequence closed the connection ("AutoReconnect: connection closed"): mongod refuses the write.
    assertThat(summary.get("emptyInsertNullMaxTimeKeylessDistinct"))
        .as("the error codes of an insert of no documents, a find whose maxTimeMS is null, a distinct without a key")
        .isEqualTo("16/2/40414");
  }

  /** The installed PyMongo's version, or null when it cannot be imported. */
  private static String pyMongoVersion() throws Exception {
    TimedProcess.Result result = TimedProcess.run(new ProcessBuilder(PYTHON, "-c", "import pymongo; print(pymongo.version)"),
        Duration.ofSeconds(20));
    return result.exitCode() == 0 ? result.output().strip() : null;
  }
}
