package lab.portexhaustion.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import lab.portexhaustion.sampler.FullSample;
import lab.portexhaustion.sampler.PortSample;
import lab.portexhaustion.sampler.TotalsSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder read back: its CSV files by their own header, whichever columns the harness wrote then. */
class RunResultsTest {

  @TempDir
  Path run;

  @Test
  void aRunRecordedBeforeTheServersColumnsReadsWithThemEmpty() throws Exception {
    Path harness = Files.createDirectories(run.resolve("harness"));
    wholeRecords(harness);
    // The header and a row as ports.csv had them before the server process's columns.
    Files.writeString(harness.resolve("ports.csv"), """
        elapsedMillis,tier,timeWaitTotal,tcpInUseTotal,established,timeWait,synSent,closeWait,finWait1,finWait2,lastAck,otherState,\
        portsInUseTowardTarget,portsInUseAnyDestination,rangeSize,utilisationPercent,descriptorsOpen,descriptorsMax,full
        176,full,4,1,0,4,0,0,0,0,0,0,4,4,1000,0.4,202,2048,true
        """);

    PortSample first = RunResults.load(run).ports().get(0);

    assertThat(first.totals().descriptors()).contains(new PortSample.Descriptors(202, 2048));
    assertThat(first).isInstanceOfSatisfying(FullSample.class, full -> assertThat(full.ports().towardTarget()).isEqualTo(4));
    assertThat(first.server()).isEmpty();
  }

  @Test
  void aRunWithTheServersColumnsReadsThem() throws Exception {
    Path harness = Files.createDirectories(run.resolve("harness"));
    wholeRecords(harness);
    Files.writeString(harness.resolve("ports.csv"), """
        elapsedMillis,tier,timeWaitTotal,tcpInUseTotal,established,timeWait,synSent,closeWait,finWait1,finWait2,lastAck,otherState,\
        portsInUseTowardTarget,portsInUseAnyDestination,rangeSize,utilisationPercent,descriptorsOpen,descriptorsMax,\
        serverDescriptorsOpen,serverDescriptorsMax,serverOpenConnections,serverAcceptFailures,full
        338,totals,4,5,,,,,,,,,,,1000,,203,2048,512,512,347,3,false
        """);

    PortSample first = RunResults.load(run).ports().get(0);

    assertThat(first).isInstanceOf(TotalsSample.class);
    assertThat(first.server()).contains(new PortSample.ServerFigures(Optional.of(new PortSample.Descriptors(512, 512)), 347, 3));
  }

  /** A run's summary and conditions as the harness writes them whole: this test reads its CSV files. */
  private void wholeRecords(Path harness) throws Exception {
    Path fixture = Path.of(getClass().getResource("/fixtures/run/clientperrequestsimulation/harness").toURI());
    Files.copy(fixture.resolve("summary.json"), harness.resolve("summary.json"));
    Files.copy(fixture.resolve("conditions.json"), harness.resolve("conditions.json"));
  }
}
