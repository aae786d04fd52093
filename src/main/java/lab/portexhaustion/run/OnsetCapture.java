package lab.portexhaustion.run;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import lab.portexhaustion.Plural;
import lab.portexhaustion.config.LoadProfile;
import lab.portexhaustion.failure.ErrorKind;
import lab.portexhaustion.measure.CpuTimes;
import lab.portexhaustion.model.Prediction;
import lab.portexhaustion.onset.Onset;
import lab.portexhaustion.onset.OnsetRecord;
import lab.portexhaustion.sampler.FullSample;
import lab.portexhaustion.sampler.PortSample;
import lab.portexhaustion.sampler.PortSampler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a run's onset into {@code onset.json} and its log line, on the thread that met it (a
 * worker, or the driver's monitor), and notes this machine's CPU time at that moment for the run's
 * pace. When descriptors ran out, the reserve gives back half of its descriptors for the snapshot,
 * and the rest one at a time to the file's write, each just before a try; if the snapshot still
 * cannot be taken, the newest full sample stands in (its age is recorded); if the file still cannot
 * be written, it is tried again at the end of the run.
 */
final class OnsetCapture {

  private static final Logger LOG = LoggerFactory.getLogger(OnsetCapture.class);
  private static final String FILE = "onset.json";

  private final PortSampler sampler;
  private final DescriptorReserve reserve;
  private final HarnessFiles files;
  private final LoadProfile load;
  private final Supplier<Optional<Prediction>> prediction;
  private final AtomicReference<OnsetRecord> record = new AtomicReference<>();
  private final AtomicReference<CpuTimes> cpuAtOnset = new AtomicReference<>();
  private volatile boolean written;

  /** @param prediction the model's prediction as it stands when asked: the one the onset record keeps */
  OnsetCapture(PortSampler sampler, DescriptorReserve reserve, HarnessFiles files, LoadProfile load,
      Supplier<Optional<Prediction>> prediction) {
    this.sampler = sampler;
    this.reserve = reserve;
    this.files = files;
    this.load = load;
    this.prediction = prediction;
  }

  /** Runs once, for the run's first exhaustion-class socket error. */
  void capture(Onset first) {
    boolean outOfDescriptors = first.error().kind() == ErrorKind.DESCRIPTORS;
    if (outOfDescriptors) {
      reserve.releaseForSnapshot();
    }
    Optional<CpuTimes> cpu = CpuTimes.now(); // before the snapshot: it reads and closes /proc/stat in one descriptor
    FullSample snapshot;
    try {
      snapshot = sampler.snapshot(PortSample.Tier.ONSET);
    } catch (RuntimeException e) {
      LOG.warn("no onset snapshot ({}): the newest full sample stands in", e.getMessage());
      snapshot = sampler.latestFull().orElseThrow(() -> e); // the run's first sample was taken before its load
    }
    Optional<Prediction> predicted = prediction.get();
    OnsetRecord onset = OnsetRecord.of(first, snapshot, load, predicted);
    cpu.ifPresent(cpuAtOnset::set); // with the record: the pace and the CPU's share then end at the same onset
    record.set(onset);
    written = outOfDescriptors ? files.writeJson(FILE, onset, reserve) : files.writeJson(FILE, onset);
    LOG.warn(line(onset, snapshot.server(), predicted));
  }

  /** The onset's console line, from its record: each count in words that fit it ("after 1 request"). */
  static String line(OnsetRecord onset, Optional<PortSample.ServerFigures> server, Optional<Prediction> predicted) {
    String descriptors = onset.descriptorsOpen().flatMap(open -> onset.descriptorsMax().map(max -> String.format("%d of %d", open, max)))
        .orElse("n/a");
    return String.format(">>> exhaustion onset after %.1f s (seen by the %s; the %s ran out): %s [%s] after %,d %s; %d of %d %s"
            + " in use toward the target (%.1f %%), %d in TIME_WAIT; %s descriptors open%s; arrival rate %.0f visits/s; the model"
            + " predicted %s",
        onset.elapsedSeconds(), onset.surfaced(), onset.side().orElseThrow(), onset.message(), onset.kind(), onset.requestsStarted(),
        Plural.of(onset.requestsStarted(), "request"), onset.portsInUseTowardTarget(), onset.rangeSize(),
        Plural.of(onset.rangeSize(), "port"), onset.utilisationPercent(), onset.timeWaitTowardTarget(), descriptors, serverPart(server),
        onset.visitRatePerSecond(), predicted.map(Prediction::text).orElse("nothing (no model for this run)"));
  }

  /** The onset line's part on the server process, where the harness runs it: empty for any other target. */
  static String serverPart(Optional<PortSample.ServerFigures> server) {
    return server.map(s -> String.format("; the server process: %s descriptors open, %d %s",
            s.descriptors().map(d -> String.format("%d of %d", d.open(), d.max())).orElse("n/a"), s.openConnections(),
            Plural.of(s.openConnections(), "connection")))
        .orElse("");
  }

  /** This machine's CPU time as the onset was met: empty before it, or where {@code /proc/stat} could not be read then. */
  Optional<CpuTimes> cpuAtOnset() {
    return Optional.ofNullable(cpuAtOnset.get());
  }

  /** The onset's record, once there was one; writes onset.json now if it could not be written then. */
  Optional<OnsetRecord> recordWritten() {
    Optional<OnsetRecord> seen = Optional.ofNullable(record.get());
    if (seen.isPresent() && !written) {
      written = files.writeJson(FILE, seen.get());
    }
    return seen;
  }
}
