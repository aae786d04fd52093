package lab.portexhaustion.run;

import java.util.function.Consumer;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.measure.RunMetrics;
import lab.portexhaustion.record.RunConditions;
import lab.portexhaustion.sampler.FullSample;
import lab.portexhaustion.sampler.NetworkConditions;
import lab.portexhaustion.sampler.PortSample;
import lab.portexhaustion.strategy.ConnectionStrategy;
import lab.portexhaustion.target.MongoTarget;
import lab.portexhaustion.target.TargetDescription;

/**
 * Where a run's samples go, one at a time: a full one to the model's measured figure, every one to {@code ports.csv}
 * and to the sampler's pace, and, once Gatling's run folder exists, the run's conditions to {@code conditions.json}
 * (tried once there: a file that cannot be written is said once, not at every sample).
 */
final class RunSamples implements Consumer<PortSample> {

  private final HarnessFiles files;
  private final RunModel model;
  private final RunMetrics metrics;
  private final ConnectionStrategy strategy;
  private final NetworkConditions network;
  private final MongoTarget target;
  private final TargetDescription description;
  private final HarnessSettings settings;
  private final SamplerPace pace = new SamplerPace();
  private volatile boolean conditionsTried;

  RunSamples(HarnessFiles files, RunModel model, RunMetrics metrics, ConnectionStrategy strategy, NetworkConditions network,
      MongoTarget target, TargetDescription description, HarnessSettings settings) {
    this.files = files;
    this.model = model;
    this.metrics = metrics;
    this.strategy = strategy;
    this.network = network;
    this.target = target;
    this.description = description;
    this.settings = settings;
  }

  /** A sample of the running sampler, in its thread or the onset's: the model takes it with the counts of now. */
  @Override
  public void accept(PortSample sample) {
    if (sample instanceof FullSample full) {
      model.observe(full, metrics.arrivalsServedCount(), strategy.connectionsOpened());
    }
    pace.observe(sample);
    write(sample);
  }

  /** The sample taken before the load, which the model was made from: only written, as {@code ports.csv}'s first row. */
  void acceptBeforeLoad(PortSample first) {
    write(first);
  }

  /** The pace the sampler kept. */
  SamplerPace pace() {
    return pace;
  }

  private void write(PortSample sample) {
    if (!conditionsTried && files.folder().isPresent()) {
      conditionsTried = true;
      files.writeJson("conditions.json", RunConditions.of(network, sample.totals().descriptors().map(PortSample.Descriptors::max),
          description, target.serverConditions(), settings));
    }
    files.appendSample(sample);
  }
}
