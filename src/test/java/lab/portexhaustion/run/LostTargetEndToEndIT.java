package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.target.EmbeddedMongoTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pooled run whose server is stopped mid-load: the model predicts a clean run, nothing runs out,
 * but the requests fail. That is not a clean run, and the verdict names the failures.
 */
class LostTargetEndToEndIT {

  @TempDir
  Path results;

  @Test
  void aRunWhoseTargetStopsAnsweringDoesNotPassAsClean() throws Exception {
    EmbeddedMongoTarget server = EmbeddedMongoTarget.start("the test's own server, stopped mid-load");
    ScheduledExecutorService stopper = Executors.newSingleThreadScheduledExecutor();
    try {
      // The simulation's JVM takes a few seconds to start; the load runs 12 s, the server goes after about 8 s of it.
      stopper.schedule(server::close, 14, TimeUnit.SECONDS);
      GatlingProcess.Result result = GatlingProcess.run("PooledSimulation", results, 180, "target=uri",
          "uri=mongodb://" + server.description().address() + "/?directConnection=true", "verdict.enabled=on",
          "load.startRate=20", "load.peakRate=20", "load.rampTime=0s", "load.holdTime=12s");

      assertThat(result.exitCode()).as(result.output()).isEqualTo(ProcessExit.Code.VERDICT_FAILED.status());
      assertThat(result.output())
          .contains("VERDICT FAIL PooledSimulation: predicted clean")
          .containsPattern("but [0-9,]+ failures that are not exhaustion came before any")
          .containsPattern("\\[(timeout|server refused)\\]");
    } finally {
      stopper.shutdownNow();
      server.close();
    }
  }
}
