package lab.portexhaustion.run;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.LoadProfile;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.measure.ConnectionFigures;
import lab.portexhaustion.measure.MeasuredUse;
import lab.portexhaustion.model.KnownUse;
import lab.portexhaustion.model.Prediction;
import lab.portexhaustion.model.Resource;
import lab.portexhaustion.model.ResourceUse;
import lab.portexhaustion.model.RunPredictor;
import lab.portexhaustion.model.StartingRoom;
import lab.portexhaustion.model.Visit;
import lab.portexhaustion.sampler.FullSample;
import lab.portexhaustion.sampler.NetworkConditions;
import lab.portexhaustion.sampler.PortSample;
import lab.portexhaustion.target.MongoTarget;
import lab.portexhaustion.target.TargetDescription;

/**
 * The model of one run: the room read from the first sample, before any load; the prediction, made once Gatling has
 * built the scenario and so knows what a visit sends ({@link #predict()}, as the first virtual user starts); and the
 * same prediction with the figures the run measures as it goes.
 */
final class RunModel {

  /** The prediction and the measures of its resource, made together. */
  private record Predicted(Optional<RunPredictor.Modelled> modelled, MeasuredUse use, ConnectionFigures connections) {}

  private final FullSample start;
  private final long connectionsOpenedBefore;
  private final StartingRoom room;
  private final List<ResourceUse> uses;
  private final LoadProfile load;
  private final NetworkConditions network;
  private final Supplier<Visit> visit;
  private volatile Predicted predicted;

  private RunModel(FullSample start, long connectionsOpenedBefore, StartingRoom room, List<ResourceUse> uses, LoadProfile load,
      NetworkConditions network, Supplier<Visit> visit) {
    this.start = start;
    this.connectionsOpenedBefore = connectionsOpenedBefore;
    this.room = room;
    this.uses = uses;
    this.load = load;
    this.network = network;
    this.visit = visit;
  }

  /**
   * The model of a run whose room is read from {@code start}, the full sample taken before the first request, when the
   * strategy had opened {@code connectionsOpenedBefore} connections; {@code visit} counts a visit's requests as Gatling
   * builds them.
   */
  static RunModel at(FullSample start, long connectionsOpenedBefore, Scenario scenario, MongoTarget target, TargetDescription probed,
      HarnessSettings settings, NetworkConditions network, Supplier<Visit> visit) {
    var uses = KnownUse.of(scenario.strategy(), target.serverSide(settings.pool().serverMonitoringMode()), settings, network.timeWait());
    return of(start, connectionsOpenedBefore, probed.freeConnectionSlots(), uses, settings.load(), network, visit);
  }

  /** As {@link #at}, with the resources the run's requests take given, and the server's free slots as its probe said. */
  static RunModel of(FullSample start, long connectionsOpenedBefore, Optional<Integer> freeServerConnections, List<ResourceUse> uses,
      LoadProfile load, NetworkConditions network, Supplier<Visit> visit) {
    StartingRoom room = new StartingRoom(
        network.range().size() - inUse(Resource.EPHEMERAL_PORTS, start, network),
        network.timeWait(),
        start.totals().descriptors().filter(d -> d.max() > 0).map(PortSample.Descriptors::free),
        freeServerConnections,
        start.server().flatMap(PortSample.ServerFigures::descriptors).filter(d -> d.max() > 0).map(PortSample.Descriptors::free),
        start.towardTarget().open());
    return new RunModel(start, connectionsOpenedBefore, room, uses, load, network, visit);
  }

  /**
   * Makes the prediction before the load, from the visit as counted now; true the first time, false once made. Called as
   * the first virtual user starts: Gatling has built every request of the scenario by then, and sent none.
   */
  synchronized boolean predict() {
    if (predicted != null) {
      return false;
    }
    Optional<RunPredictor.Modelled> modelled = RunPredictor.predict(load, uses, room, visit.get());
    long holdMillis = modelled.flatMap(m -> m.use().hold()).map(d -> d.toMillis()).orElse(Long.MAX_VALUE);
    Predicted made = new Predicted(modelled, new MeasuredUse(holdMillis), new ConnectionFigures(holdMillis));
    modelled.ifPresent(m -> made.use().observe(start.elapsedMillis(), inUse(m.use().resource(), start, network), 0));
    made.connections().observe(start.elapsedMillis(), connectionsOpenedBefore,
        modelled.map(m -> inUse(m.use().resource(), start, network)).orElse(0), 0);
    predicted = made;
    return true;
  }

  /**
   * Takes one full sample, the visits served by then (the virtual users with a request that succeeded) and the
   * connections opened; samples before the prediction are before the load, and only its first counts (the baseline).
   */
  void observe(FullSample full, long visitsServed, long connectionsOpened) {
    Predicted made = predicted;
    if (made == null) {
      return;
    }
    made.modelled().ifPresent(m -> {
      int units = inUse(m.use().resource(), full, network);
      made.use().observe(full.elapsedMillis(), units, visitsServed);
      made.connections().observe(full.elapsedMillis(), connectionsOpened, units, visitsServed);
    });
  }

  /** What the model cannot know of the visit it counted, where the visit matters to its prediction (not for a pool). */
  Optional<String> visitWarning() {
    return made().flatMap(Predicted::modelled).flatMap(RunPredictor.Modelled::visitWarning);
  }

  /** The modelled resource's unit ("port"), for the figures per connection; empty where nothing is modelled. */
  Optional<String> unit() {
    return made().flatMap(Predicted::modelled).map(m -> m.use().resource().unit());
  }

  /** Connections opened per second and per visit, and units per connection, as measured so far. */
  ConnectionFigures.Figures connectionFigures() {
    return made().map(p -> p.connections().figures())
        .orElse(new ConnectionFigures.Figures(0, 0, Optional.empty(), Optional.empty()));
  }

  /** What the model said before the load; empty where nothing is modelled (descriptors on Windows) or not yet said. */
  Optional<Prediction> beforeLoad() {
    return made().flatMap(Predicted::modelled).map(RunPredictor.Modelled::beforeLoad);
  }

  /**
   * The prediction with the measured figure once there is one, else the one before the load: for a pool, the plateau it
   * reached; else the units per visit. Units a client takes as it starts (a pool's slots at the server) are not per
   * visit: no measured figure replaces them.
   */
  Optional<Prediction> current() {
    return made().flatMap(made -> made.modelled().map(m -> {
      if (m.isPlateau()) {
        OptionalInt peak = made.use().peakBeyondBaseline();
        return peak.isPresent() ? m.withMeasuredPlateau(peak.getAsInt()) : m.beforeLoad();
      }
      double perVisit = made.use().perVisit();
      return Double.isNaN(perVisit) || perVisit <= 0 || m.use().atStart() > 0 ? m.beforeLoad() : m.withMeasured(load, perVisit);
    }));
  }

  private Optional<Predicted> made() {
    return Optional.ofNullable(predicted);
  }

  /** Units of {@code resource} a sample shows in use, counted as the OS allocates them. */
  private static int inUse(Resource resource, FullSample full, NetworkConditions network) {
    return switch (resource) {
      case EPHEMERAL_PORTS -> network.portAllocation() == NetworkConditions.PortAllocation.PER_DESTINATION
          ? full.ports().towardTarget() : full.ports().anyDestination();
      case DESCRIPTORS -> full.totals().descriptors().map(d -> (int) d.open()).orElse(0);
      case SERVER_CONNECTIONS -> full.towardTarget().open();
      case SERVER_DESCRIPTORS -> full.server().flatMap(PortSample.ServerFigures::descriptors).map(d -> (int) d.open()).orElse(0);
    };
  }
}
