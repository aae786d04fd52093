package lab.portexhaustion.dsl;

/** A request's check did not hold: the request is a KO, with this message naming it. */
final class CheckFailedException extends RuntimeException {

  CheckFailedException(String message) {
    super(message, null, false, false); // reported by its message; the stack would only show the harness's worker
  }
}
