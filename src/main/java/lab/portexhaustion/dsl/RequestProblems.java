package lab.portexhaustion.dsl;

import java.util.ArrayList;
import java.util.List;
import lab.portexhaustion.run.SetupFailureException;

/**
 * The problems of a simulation's requests, gathered as Gatling builds them so that the refusal names every one, not
 * only the first request built. Gatling builds a scenario's chain from its last action back, then asks the protocol's
 * components for what a virtual user's start does ({@link MongoComponents#onStart()}): there, every request of the
 * scenario built and none sent, they are refused together.
 */
final class RequestProblems {

  private final List<String> problems = new ArrayList<>();

  /** The problems of one request as Gatling builds it: put before those of the requests built earlier, which follow it. */
  synchronized void add(List<String> requestProblems) {
    problems.addAll(0, requestProblems);
  }

  /**
   * Refuses the simulation with every problem gathered, in the chain's order, one paragraph each (a request given to
   * {@code exec} twice says its problems once); nothing when there are none.
   */
  synchronized void refuseIfAny(String simulation) {
    if (!problems.isEmpty()) {
      throw new SetupFailureException(simulation, problems.stream().distinct().toList());
    }
  }
}
