package lab.portexhaustion.dsl;

import io.gatling.commons.validation.Failure;
import io.gatling.commons.validation.Success;
import io.gatling.core.session.Session;
import io.gatling.javaapi.core.internal.Expressions;
import lab.portexhaustion.gatling.UnresolvedRequestException;

/** Text with Gatling EL, compiled once, filled in per virtual user. */
final class ElText {

  private final scala.Function1<Session, ?> expression;

  /** Throws Gatling's own ElParserException (not a RuntimeException) when the EL does not compile: catch Exception. */
  ElText(String text) {
    this.expression = Expressions.toStringExpression(text);
  }

  /** The text for {@code session}; {@code what} names it in the message when the session lacks a reference. */
  String fill(Session session, String what) {
    Object filled = expression.apply(session);
    if (filled instanceof Failure failure) {
      throw new UnresolvedRequestException(what + ": " + failure.message());
    }
    return String.valueOf(((Success<?>) filled).value());
  }
}
