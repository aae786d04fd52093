package lab.portexhaustion.failure;

/**
 * A request the target answered, whose answer did not pass a check of the simulation's own: the classifier names it
 * {@link ErrorKind#CHECK_FAILED}, so that neither the report nor the verdict reads it as a target lost, refusing or
 * slow. Its message names the check's kind, the request and the check ({@code check failed: read session: count is 1, got 0}).
 */
public class CheckFailure extends RuntimeException {

  protected CheckFailure(String request, String why) {
    // Reported by its message; the stack would only show the harness's worker.
    super(ErrorKind.CHECK_FAILED.label() + ": " + request + ": " + why, null, false, false);
  }
}
