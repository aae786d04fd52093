package lab.portexhaustion.verdict;

/**
 * Why a run's evidence is not whole, in one phrase ("the target process died at 10.2 s (signal 9)").
 *
 * @param kind what is missing
 * @param text the phrase the verdict line gives
 */
public record EvidenceProblem(Kind kind, String text) {

  public enum Kind {
    /** The target died or stopped answering: no run after that moment says anything of the model. */
    TARGET_LOST(true),
    /** A results file was not written whole: the run's record is incomplete, whatever it showed. */
    FILES_INCOMPLETE(true),
    /** This machine fell behind what the run asked of it: its timings are not the model's to answer for. */
    COULD_NOT_KEEP_UP(false),
    /**
     * The harness turned requests away, its workers all busy: the load the verdict judges was never sent. Apart from
     * {@link #COULD_NOT_KEEP_UP}: a harness that cannot send what it was asked is the harness's limit (its workers, its
     * queue), which a slow machine does not explain away.
     */
    HARNESS_SATURATED(false);

    private final boolean spoilsEveryRun;

    Kind(boolean spoilsEveryRun) {
      this.spoilsEveryRun = spoilsEveryRun;
    }

    /**
     * True when the run is inconclusive whether or not its expectations are checked: a lost target or an incomplete
     * record is a failed run in every mode. A machine that could not keep up makes only a checked verdict inconclusive.
     */
    public boolean spoilsEveryRun() {
      return spoilsEveryRun;
    }
  }
}
