package lab.portexhaustion.gatling;

import io.gatling.core.session.Session;
import lab.portexhaustion.strategy.RequestWork;

/** A request as a simulation wrote it, made concrete for one virtual user on Gatling's thread, before any load. */
@FunctionalInterface
public interface RequestDefinition {

  /**
   * The work of this request for {@code session}: Gatling EL and functions of the session resolved. Throws
   * {@link UnresolvedRequestException} when the session lacks what the request refers to; the request is then a KO
   * that sent nothing.
   */
  RequestWork resolve(Session session);
}
