package lab.portexhaustion.config;

/** What a simulation is expected to show. */
public enum Expectation implements ConfigName {
  /** No exhaustion; for the pooled strategy also no more open sockets than the pool allows. */
  CLEAN,
  /** An exhaustion-class failure must occur. */
  EXHAUSTION,
  /** Anything goes: no check. */
  ANY
}
