package lab.portexhaustion.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ports.csv written and read back: its columns, its empty cells for what a sample does not know. */
class PortsCsvTest {

  private static final PortSample.Totals TOTALS = new PortSample.Totals(Optional.of(624L), Optional.of(16L), 28_232,
      Optional.of(new PortSample.Descriptors(213, 20_000)));
  private static final PortSample.ServerFigures SERVER = new PortSample.ServerFigures(Optional.of(new PortSample.Descriptors(512, 512)), 341, 39);

  @TempDir
  Path folder;

  private Path write(PortSample... samples) throws Exception {
    StringWriter text = new StringWriter();
    try (PortsCsv.Appender csv = new PortsCsv.Appender(text)) {
      for (PortSample sample : samples) {
        csv.append(sample);
      }
    }
    return Files.writeString(folder.resolve("ports.csv"), text.toString());
  }

  @Test
  void aFullAndATotalsRowReadBackAsTheSamplesTheyWere() throws Exception {
    FullSample onset = new FullSample(16_997, PortSample.Tier.ONSET, TOTALS, new FullSample.TcpStates(344, 3, 0, 0, 0, 0, 0, 1),
        new FullSample.PortsInUse(347, 1343, 1.2), Optional.of(SERVER));
    TotalsSample totals = new TotalsSample(17_045, new PortSample.Totals(Optional.empty(), Optional.empty(), 28_232, Optional.empty()),
        Optional.empty());

    Path file = write(onset, totals);

    assertThat(PortsCsv.readAll(file)).containsExactly(onset, totals);
    assertThat(Files.readAllLines(file)).containsExactly(
        "elapsedMillis,tier,timeWaitTotal,tcpInUseTotal,established,timeWait,synSent,closeWait,finWait1,finWait2,lastAck,otherState,"
            + "portsInUseTowardTarget,portsInUseAnyDestination,rangeSize,utilisationPercent,descriptorsOpen,descriptorsMax,"
            + "serverDescriptorsOpen,serverDescriptorsMax,serverOpenConnections,serverAcceptFailures,full",
        "16997,onset,624,16,344,3,0,0,0,0,0,1,347,1343,28232,1.2,213,20000,512,512,341,39,true",
        "17045,totals,,,,,,,,,,,,,28232,,,,,,,,false");
  }

  @Test
  void aCountOfMinusOneFromAnOlderFileReadsAsUnknown() throws Exception {
    Files.writeString(folder.resolve("ports.csv"), """
        elapsedMillis,tier,timeWaitTotal,tcpInUseTotal,established,timeWait,synSent,closeWait,finWait1,finWait2,lastAck,otherState,\
        portsInUseTowardTarget,portsInUseAnyDestination,rangeSize,utilisationPercent,descriptorsOpen,descriptorsMax,full
        120,totals,-1,-1,,,,,,,,,,,16384,,-1,-1,false
        """);

    List<PortSample> samples = PortsCsv.readAll(folder.resolve("ports.csv"));

    assertThat(samples).containsExactly(new TotalsSample(120,
        new PortSample.Totals(Optional.empty(), Optional.empty(), 16_384, Optional.empty()), Optional.empty()));
  }
}
