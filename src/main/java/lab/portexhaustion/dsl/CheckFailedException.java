package lab.portexhaustion.dsl;

import lab.portexhaustion.failure.CheckFailure;

/** A request's check did not hold: the request is a KO, with this message naming it. */
final class CheckFailedException extends CheckFailure {

  CheckFailedException(String request, String why) {
    super(request, why);
  }
}
