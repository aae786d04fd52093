package lab.portexhaustion.strategy;

import java.util.concurrent.atomic.LongAdder;

/**
 * Connections a pattern has opened to the target: its own connects, and those its drivers report (pool connections
 * once ready, monitoring connections at their first heartbeat). The unit the model's "ports per connection" divides
 * by, whatever the workload does with them.
 */
public final class OpenedConnections {

  private final LongAdder opened = new LongAdder();

  void record() {
    opened.increment();
  }

  /** A connection recorded before it opened, which then did not. */
  void takeBack() {
    opened.decrement();
  }

  public long total() {
    return opened.sum();
  }

  /** Listens to one MongoClient's events; one per client, as monitoring connections are told apart by their id. */
  DriverConnectionEvents forClient() {
    return new DriverConnectionEvents(this);
  }
}
