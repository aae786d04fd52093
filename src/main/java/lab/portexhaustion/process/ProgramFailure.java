package lab.portexhaustion.process;

/**
 * A failure that ends its program: its message is all the user reads (printed alone, no stack trace: it says what to
 * do), its code is how the program ends. The harness throws it; only {@link ProcessExit}, at an edge, turns it into
 * an exit, so code driven in-process (a test) gets the exception instead.
 */
public abstract class ProgramFailure extends RuntimeException {

  private final ProcessExit.Code code;

  protected ProgramFailure(ProcessExit.Code code, String message) {
    super(message);
    this.code = code;
  }

  public ProcessExit.Code code() {
    return code;
  }

  /**
   * What the program undoes before it ends for this failure, at the edge, before its message is printed: nothing
   * unless a failure says otherwise. Not called for a failure caught in-process.
   */
  protected void beforeExit() {}
}
