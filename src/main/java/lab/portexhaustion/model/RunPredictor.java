package lab.portexhaustion.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.config.LoadProfile;

/** Picks the prediction that decides a run: of all the resources its requests take, the one that runs out first. */
public final class RunPredictor {

  private RunPredictor() {}

  /**
   * The deciding resource of a run and what the model says of it before any load.
   *
   * @param free units of {@code use}'s resource free at the start
   * @param held units of those in use at the start that a plateau counts as its own
   */
  public record Modelled(ResourceUse use, int free, int held, Visit visit, Prediction beforeLoad) {

    /** Whether the resource levels off at a plateau (a pool's) rather than being taken visit by visit. */
    public boolean isPlateau() {
      return use.plateau().isPresent();
    }

    /**
     * What the model cannot know of the visit before the load ({@link Visit#warning()}), where the visit counts: for a
     * resource taken request by request. A pool's connections (and its slots at the server) are reused whatever the
     * visits send, so a loop or another scenario changes nothing predicted of them, and nothing is said.
     */
    public Optional<String> visitWarning() {
      return use.perRequest() > 0 ? visit.warning() : Optional.empty();
    }

    /** The same prediction with the units per visit the run measured. */
    public Prediction withMeasured(LoadProfile load, double measuredPerVisit) {
      return ExhaustionModel.predictMeasured(load, use, free, visit, measuredPerVisit);
    }

    /** The same prediction with the plateau the run measured: units in use beyond those before the load, at their peak. */
    public Prediction withMeasuredPlateau(int measuredBeyond) {
      return PlateauModel.measured(use, free, held, visit, measuredBeyond);
    }
  }

  /** As {@link #predict(LoadProfile, List, StartingRoom, Visit)} for visits of one request. */
  public static Optional<Modelled> predict(LoadProfile load, List<ResourceUse> uses, StartingRoom room) {
    return predict(load, uses, room, Visit.ONE_REQUEST);
  }

  /** Empty when none of {@code uses} has a limit here (descriptors on Windows). */
  public static Optional<Modelled> predict(LoadProfile load, List<ResourceUse> uses, StartingRoom room, Visit visit) {
    return uses.stream()
        .flatMap(use -> room.free(use.resource()).stream().map(units -> {
          int free = (int) Math.min(Integer.MAX_VALUE, units);
          int held = room.heldByTheClient(use.resource());
          Prediction beforeLoad = use.plateau().isPresent() ? PlateauModel.predict(use, free, held, visit)
              : ExhaustionModel.predict(load, use, free, visit);
          return new Modelled(use, free, held, visit, beforeLoad);
        }))
        .min(Comparator.comparingDouble((Modelled m) -> onsetOrNever(m.beforeLoad()))
            .thenComparing(Comparator.comparingDouble((Modelled m) -> m.beforeLoad().demandPercent()).reversed()));
  }

  private static double onsetOrNever(Prediction prediction) {
    return prediction.onsetSeconds().orElse(Double.MAX_VALUE);
  }
}
