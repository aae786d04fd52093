package lab.portexhaustion.gatling;

import com.typesafe.scalalogging.Logger;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import java.util.concurrent.CompletableFuture;
import org.slf4j.LoggerFactory;

/** Stands for the next action of a scenario in the action's tests: records the session it is given, and where it ran. */
final class NextAction implements Action {
  final CompletableFuture<Session> session = new CompletableFuture<>();
  volatile String thread;
  volatile boolean onItsLoop;

  @Override
  public String name() {
    return "next";
  }

  @Override
  public void execute(Session s) {
    thread = Thread.currentThread().getName();
    onItsLoop = s.eventLoop().inEventLoop();
    session.complete(s);
  }

  @Override
  public Logger logger() {
    return Logger.apply(LoggerFactory.getLogger(NextAction.class));
  }

  @Override
  public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(Logger logger) {}
}
