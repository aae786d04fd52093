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
   */
  public record Modelled(ResourceUse use, int free, Prediction beforeLoad) {

    /** The same prediction with the figure per request the run measured. */
    public Prediction withMeasured(LoadProfile load, double measuredPerRequest) {
      return ExhaustionModel.predict(load, use.measured(measuredPerRequest), free);
    }
  }

  /** Empty when none of {@code uses} has a limit here (descriptors on Windows). */
  public static Optional<Modelled> predict(LoadProfile load, List<ResourceUse> uses, StartingRoom room) {
    return uses.stream()
        .flatMap(use -> room.free(use.resource()).stream().map(units -> {
          int free = (int) Math.min(Integer.MAX_VALUE, units);
          return new Modelled(use, free, ExhaustionModel.predict(load, use, free));
        }))
        .min(Comparator.comparingDouble((Modelled m) -> onsetOrNever(m.beforeLoad()))
            .thenComparing(Comparator.comparingDouble((Modelled m) -> m.beforeLoad().demandPercent()).reversed()));
  }

  private static double onsetOrNever(Prediction prediction) {
    return prediction.onsetSeconds().orElse(Double.MAX_VALUE);
  }
}
