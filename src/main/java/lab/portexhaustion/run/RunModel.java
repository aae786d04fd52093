package lab.portexhaustion.run;

import java.util.Optional;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.measure.ConnectionFigures;
import lab.portexhaustion.measure.UsePerRequest;
import lab.portexhaustion.model.KnownUse;
import lab.portexhaustion.model.Prediction;
import lab.portexhaustion.model.Resource;
import lab.portexhaustion.model.RunPredictor;
import lab.portexhaustion.model.StartingRoom;
import lab.portexhaustion.sampler.FullSample;
import lab.portexhaustion.sampler.NetworkConditions;
import lab.portexhaustion.sampler.PortSample;
import lab.portexhaustion.target.MongoTarget;
import lab.portexhaustion.target.TargetDescription;

/**
 * The model of one run: what it predicts from the first sample, before any load, and the same
 * prediction with the figure per request the run measures as it goes.
 */
final class RunModel {

  private final Optional<RunPredictor.Modelled> modelled;
  private final NetworkConditions network;
  private final HarnessSettings settings;
  private final UsePerRequest measured;
  private final ConnectionFigures connections;

  private RunModel(Optional<RunPredictor.Modelled> modelled, NetworkConditions network, HarnessSettings settings) {
    this.modelled = modelled;
    this.network = network;
    this.settings = settings;
    long holdMillis = modelled.flatMap(m -> m.use().hold()).map(d -> d.toMillis()).orElse(Long.MAX_VALUE);
    this.measured = new UsePerRequest(holdMillis);
    this.connections = new ConnectionFigures(holdMillis);
  }

  /** Predicts from {@code start}, the full sample taken before the first request. */
  static RunModel at(FullSample start, Scenario scenario, MongoTarget target, TargetDescription probed, HarnessSettings settings,
      NetworkConditions network) {
    StartingRoom room = new StartingRoom(
        network.range().size() - inUse(Resource.EPHEMERAL_PORTS, start, network),
        network.timeWait(),
        start.totals().descriptors().filter(d -> d.max() > 0).map(PortSample.Descriptors::free),
        probed.freeConnectionSlots(),
        start.server().map(PortSample.ServerFigures::descriptors).filter(d -> d.max() > 0).map(PortSample.Descriptors::free));
    var uses = KnownUse.of(scenario.strategy(), target.serverSide(settings.pool().serverMonitoringMode()), settings, network.timeWait());
    RunModel model = new RunModel(RunPredictor.predict(settings.load(), uses, room), network, settings);
    model.observe(start, 0, 0);
    return model;
  }

  /**
   * Takes one full sample, the arrivals served by then (the virtual users with a request that succeeded) and the
   * connections opened. The model's "request" is an arrival, as the injection profile counts them; a scenario of
   * several requests takes their units together, in as many connections as its pattern opens.
   */
  void observe(FullSample full, long arrivalsServed, long connectionsOpened) {
    modelled.ifPresent(m -> {
      int units = inUse(m.use().resource(), full, network);
      measured.observe(full.elapsedMillis(), units, arrivalsServed);
      connections.observe(full.elapsedMillis(), connectionsOpened, units, arrivalsServed);
    });
  }

  /** The modelled resource's unit ("port"), for the figures per connection; empty where nothing is modelled. */
  Optional<String> unit() {
    return modelled.map(m -> m.use().resource().unit());
  }

  /** Connections opened per second and per arrival, and units per connection, as measured so far. */
  ConnectionFigures.Figures connectionFigures() {
    return connections.figures();
  }

  /** What the model said before the load; empty where nothing is modelled (descriptors on Windows). */
  Optional<Prediction> beforeLoad() {
    return modelled.map(RunPredictor.Modelled::beforeLoad);
  }

  /** The prediction with the measured figure per request once there is one, else the one before the load. */
  Optional<Prediction> current() {
    double perRequest = measured.estimate();
    // Units a client takes as it starts (a pool's slots at the server) are not per request: no measured figure replaces them.
    if (Double.isNaN(perRequest) || perRequest <= 0 || modelled.filter(m -> m.use().atStart() == 0).isEmpty()) {
      return beforeLoad();
    }
    return modelled.map(m -> m.withMeasured(settings.load(), perRequest));
  }

  /** Units of {@code resource} a sample shows in use, counted as the OS allocates them. */
  private static int inUse(Resource resource, FullSample full, NetworkConditions network) {
    return switch (resource) {
      case EPHEMERAL_PORTS -> network.portAllocation() == NetworkConditions.PortAllocation.PER_DESTINATION
          ? full.ports().towardTarget() : full.ports().anyDestination();
      case DESCRIPTORS -> full.totals().descriptors().map(d -> (int) d.open()).orElse(0);
      case SERVER_CONNECTIONS -> full.towardTarget().open();
      case SERVER_DESCRIPTORS -> full.server().map(s -> (int) s.descriptors().open()).orElse(0);
    };
  }
}
