package lab.portexhaustion.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import lab.portexhaustion.config.LoadProfile;
import lab.portexhaustion.failure.ClassifiedError;
import lab.portexhaustion.failure.ErrorKind;
import lab.portexhaustion.onset.Onset;
import lab.portexhaustion.sampler.FullSample;
import lab.portexhaustion.sampler.NetworkConditions;
import lab.portexhaustion.sampler.NetworkConditionsReader;
import lab.portexhaustion.sampler.PortSample;
import lab.portexhaustion.sampler.PortSampler;
import lab.portexhaustion.sockets.SocketTable;

/**
 * A run's onset at its descriptor limit, in a process of its own (started under {@code prlimit --nofile}): the
 * harness's files, sampler and reserve as a run has them, every other descriptor taken, and a load that takes each
 * descriptor freed within a tenth of a millisecond, as a leaked client's monitors retrying their connections do. Then
 * the onset is captured, and this prints whether {@code onset.json} was written, and how long after the onset. For
 * {@link OnsetAtDescriptorLimitTest}.
 */
public final class OnsetAtDescriptorLimitMain {

  static final String SIMULATION = "OnsetAtLimitSimulation";
  static final String RESULT = "ONSET-JSON ";
  private static final Path NOWHERE = Path.of("/dev/null");
  private static final long LOAD_RETRY_NANOS = 100_000;

  private OnsetAtDescriptorLimitMain() {}

  public static void main(String[] args) throws Exception {
    Path results = Path.of(args[0]);
    HarnessClasses.loadAll();
    HarnessFiles.warmUp();
    Instant start = Instant.now();
    Path run = Files.createDirectories(results.resolve(SIMULATION.toLowerCase() + "-1")); // as Gatling makes it
    HarnessFiles files = new HarnessFiles(results, SIMULATION, start);
    NetworkConditions network = NetworkConditionsReader.read();
    SocketTable sockets = SocketTable.forThisMachine();
    sockets.warmUp();
    PortSampler sampler = new PortSampler(sockets, Set.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 27017)), network, start);
    FullSample beforeLoad = sampler.snapshot(PortSample.Tier.FULL);
    files.appendSample(beforeLoad);
    files.writeJson("conditions.json", Map.of("simulation", SIMULATION));
    DescriptorReserve reserve = new DescriptorReserve();
    LoadProfile load = new LoadProfile(5, 100, Duration.ofSeconds(20), Duration.ofSeconds(15), Duration.ofSeconds(60),
        Duration.ofSeconds(5), 128, 10_000);
    OnsetCapture capture = new OnsetCapture(sampler, reserve, files, load, Optional::empty);

    List<FileChannel> taken = new ArrayList<>();
    while (take(taken)) {
      // every descriptor the limit leaves
    }
    Thread leak = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        if (!take(taken)) {
          LockSupport.parkNanos(LOAD_RETRY_NANOS);
        }
      }
    }, "leaked-clients");
    leak.setDaemon(true);
    leak.start();
    Thread.sleep(200);

    Instant at = Instant.now();
    capture.capture(new Onset(at, Duration.between(start, at), new ClassifiedError(ErrorKind.DESCRIPTORS, "EMFILE",
        "EMFILE Too many open files", "java.net.SocketException", "Too many open files"), "driver monitor", 100, 90, 10, 90));
    leak.interrupt();
    Path onsetJson = run.resolve(HarnessFiles.FOLDER).resolve("onset.json");
    System.out.println(RESULT + (Files.exists(onsetJson)
        ? "written " + Duration.between(at, Files.getLastModifiedTime(onsetJson).toInstant()).toMillis() + " ms after the onset"
        : "missing"));
  }

  /** Takes one more descriptor, as a leaked client's connection does; false when none is left. */
  private static synchronized boolean take(List<FileChannel> taken) {
    try {
      taken.add(FileChannel.open(NOWHERE, StandardOpenOption.READ));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
