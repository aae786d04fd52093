package lab.portexhaustion.gatling;

/** A request that could not be made for one virtual user (a missing session attribute, a document that is not JSON): nothing was sent. */
public final class UnresolvedRequestException extends RuntimeException {

  public UnresolvedRequestException(String message) {
    super(message, null, false, false); // a user's mistake, reported by its message: no stack trace to fill
  }
}
